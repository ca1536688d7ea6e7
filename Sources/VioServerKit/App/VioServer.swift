import Foundation
import Hummingbird
import HummingbirdWebSocket
import Logging
import OneBot
import OneBotHummingbird
import OpenAIClient
import ServiceLifecycle
import TelegramKit
import UnixSignals
import VioCore
import VioStorage

/// The running server: one port with every platform's routes, the platforms' own services and the
/// dispatcher that runs the bot on all their events.
///
/// ```swift
/// let server = VioServer(configuration: configuration, storage: storage, bot: bot, transport: transport, logger: logger)
/// try await server.makeServiceGroup().run()   // throws when a platform cannot be set up (an unwritable data folder)
/// ```
struct VioServer: Sendable {
    let configuration: ServerConfiguration
    let storage: ServerStorage
    let bot: Bot
    /// How the platforms that speak HTTP (Telegram) reach their APIs.
    let transport: any HTTPTransport
    let logger: Logger
    /// Where `/ping` finds the platforms this server makes.
    let directory: PlatformDirectory
    let readiness: Readiness
    /// Counts every platform's events and actions and the model's requests; `GET /metrics` serves them.
    let metrics: ServerMetrics
    /// The clock dialled OneBot links time their heartbeats by; a test's own clock in tests.
    let heartbeatClock: any Clock<Duration>
    /// When the server was made, for its uptime.
    let started: ContinuousClock.Instant

    init(
        configuration: ServerConfiguration, storage: ServerStorage, bot: Bot, transport: any HTTPTransport, logger: Logger,
        directory: PlatformDirectory = PlatformDirectory(), metrics: ServerMetrics = ServerMetrics(),
        heartbeatClock: any Clock<Duration> = ContinuousClock(), started: ContinuousClock.Instant = .now
    ) {
        self.configuration = configuration
        self.storage = storage
        self.bot = bot
        self.transport = transport
        self.logger = logger
        self.directory = directory
        self.metrics = metrics
        self.heartbeatClock = heartbeatClock
        self.started = started
        readiness = Readiness(storageNotReadyReason: { storage.notReadyReason })
    }

    /// The platforms, each one entry: OneBot's reverse WebSocket, its forward WebSocket when
    /// `ONEBOT_WS_URLS` is set, its HTTP POST mode when `ONEBOT_HTTP_API_URL` or `ONEBOT_SECRET`
    /// is, the HTTP chat endpoints, and Telegram when `BOT_TOKEN` is set (by
    /// webhook when `TG_WEBHOOK_URL` is, else by long polling).
    func makePlatforms(dispatcher: Dispatcher) throws -> [any ServerPlatform] {
        var platforms: [any ServerPlatform] = [
            OneBotReverseWebSocket(
                connections: OneBotConnections(), dispatcher: dispatcher, apiTimeout: configuration.oneBotAPITimeout,
                maximumMessageSize: configuration.oneBotMaxFrameBytes, logger: logger),
            HTTPChat(
                dispatcher: dispatcher, conversations: storage.conversations,
                model: configuration.chat.map { ModelCaller(endpoint: $0, transport: transport, metrics: metrics) },
                presets: configuration.prompts, defaultPreset: configuration.chatPersona,
                apiKey: configuration.httpAPIKey, requestsPerMinute: configuration.httpRequestsPerMinute, logger: logger),
        ]
        if !configuration.oneBotWebSocketURLs.isEmpty {
            platforms.append(forwardWebSocket(dispatcher: dispatcher, clock: heartbeatClock))
        }
        if configuration.oneBotHTTPPostIsOn {
            let accounts = OneBotHTTPAccounts(
                roots: configuration.oneBotHTTPRoots, accessToken: configuration.oneBotAccessToken,
                apiTimeout: configuration.oneBotAPITimeout, transport: transport)
            platforms.append(OneBotHTTPPost(
                dispatcher: dispatcher, secret: configuration.oneBotSecret, accounts: accounts,
                maximumBodySize: configuration.oneBotMaxFrameBytes, quickReplyWindow: configuration.oneBotQuickReplyWindow, logger: logger))
        }
        if let token = configuration.telegramToken {
            let client = TelegramClient(
                token: token, transport: transport, baseURL: configuration.telegramAPIURL,
                rateLimiter: OutgoingRateLimiter(limits: .overall(configuration.telegramSendsPerSecond)),
                logger: SwiftLogBotLogger(logger: logger))
            if let webhook = configuration.telegramWebhookURL {
                let secret = WebhookSecret.make(configured: configuration.telegramWebhookSecret, token: token)
                platforms.append(TelegramWebhook(client: client, dispatcher: dispatcher, baseURL: webhook, secret: secret, logger: logger))
            } else {
                platforms.append(TelegramLongPolling(client: client, dispatcher: dispatcher, logger: logger))
            }
        }
        return platforms
    }

    /// The web console over this server's bot, platforms and metrics; its files are read now.
    func console(dispatcher: Dispatcher) -> ConsoleRoutes {
        let site = ConsoleSite.load()
        if !site.isComplete { logger.warning("the web console's files were \(site.origin); / answers 503 until they are there") }
        return ConsoleRoutes(
            site: site,
            status: ConsoleStatusSource(configuration: configuration, directory: directory, activity: metrics.activity, storage: storage, started: started),
            sandbox: SandboxChat(dispatcher: dispatcher, secrets: configuration.secrets),
            features: ConsoleFeatures(
                features: bot.features, offByDefault: bot.featuresOffByDefault, switches: bot.services.featureSwitches, logger: logger),
            password: configuration.consolePassword)
    }

    /// The forward WebSocket platform, timed by `clock`.
    private func forwardWebSocket(dispatcher: Dispatcher, clock: some Clock<Duration>) -> any ServerPlatform {
        OneBotForwardWebSocket(
            urls: configuration.oneBotWebSocketURLs, dispatcher: dispatcher, accessToken: configuration.oneBotAccessToken,
            apiTimeout: configuration.oneBotAPITimeout, maximumMessageSize: configuration.oneBotMaxFrameBytes,
            backoff: configuration.oneBotReconnectBackoff, clock: clock, logger: logger)
    }

    /// The services to run: the expired-record sweeper, the HTTP/WebSocket server, the
    /// connections platforms dial, the dispatcher, then the platforms' own services. Shutdown goes
    /// the other way: the platforms stop taking events first, the dispatcher drains its handlers
    /// while sockets are still open, then dialled connections and the server close theirs. A
    /// platform's service that ends (a refused token) does not stop the server.
    func makeServiceGroup(
        gracefulShutdownSignals: [UnixSignal] = [.sigterm, .sigint],
        onServerRunning: @escaping @Sendable (_ port: Int) async -> Void = { _ in }
    ) throws -> ServiceGroup {
        let dispatcher = Dispatcher(bot: bot, observer: metrics)
        let platforms = try makePlatforms(dispatcher: dispatcher)
        directory.set(platforms)

        let router = Router(context: HTTPRouteContext.self)
        HealthRoutes(readiness: readiness).register(on: router)
        MetricsRoute(metrics: metrics, directory: directory, storage: storage, apiKey: configuration.httpAPIKey).register(on: router)
        console(dispatcher: dispatcher).register(on: router)
        let webSocketRouter = Router(context: WebSocketRouteContext.self)
        for platform in platforms {
            platform.register(on: router, webSocketRouter: webSocketRouter)
        }

        let handshake = ReverseWebSocketHandshake(accessToken: configuration.oneBotAccessToken, requiresSelfID: true)
        let app = Application(
            router: router,
            server: .oneBot(
                webSocketRouter: webSocketRouter, handshake: handshake, paths: Set(OneBotReverseWebSocket.paths),
                maxFrameSize: configuration.oneBotMaxFrameBytes),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "vio-server"),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) },
            logger: logger
        )
        let core: [any Service] = [ExpiredRecordSweeper(storage: storage, logger: logger), app]
            + platforms.compactMap(\.connectionService)
            + [DispatcherService(dispatcher: dispatcher, readiness: readiness, logger: logger)]
        let services = core.map { ServiceGroupConfiguration.ServiceConfiguration(service: $0) }
            + platforms.compactMap(\.service).map { .init(service: $0, successTerminationBehavior: .ignore) }
        return ServiceGroup(configuration: .init(services: services, gracefulShutdownSignals: gracefulShutdownSignals, logger: logger))
    }
}
