import Foundation
import Hummingbird
import HummingbirdWebSocket
import Logging
import OneBot
import OneBotHummingbird
import ServiceLifecycle
import UnixSignals
import VioCore

/// The running server: one port with every platform's routes, the platforms' own services and the
/// dispatcher that runs the bot on all their events.
///
/// ```swift
/// let server = VioServer(configuration: configuration, storage: storage, bot: bot, logger: logger)
/// try await server.makeServiceGroup().run()
/// ```
struct VioServer: Sendable {
    let configuration: ServerConfiguration
    let storage: ServerStorage
    let bot: Bot
    let logger: Logger
    /// Where `/ping` finds the platforms this server makes.
    let directory: PlatformDirectory
    let readiness: Readiness

    init(configuration: ServerConfiguration, storage: ServerStorage, bot: Bot, logger: Logger, directory: PlatformDirectory = PlatformDirectory()) {
        self.configuration = configuration
        self.storage = storage
        self.bot = bot
        self.logger = logger
        self.directory = directory
        readiness = Readiness(storageIsOpen: { storage.isOpen })
    }

    /// The platforms, each one entry: OneBot's reverse WebSocket for now.
    func makePlatforms(dispatcher: Dispatcher) -> [any ServerPlatform] {
        [
            OneBotReverseWebSocket(
                connections: OneBotConnections(), dispatcher: dispatcher, apiTimeout: configuration.oneBotAPITimeout,
                maximumMessageSize: configuration.oneBotMaxFrameBytes, logger: logger),
        ]
    }

    /// The services to run: the expired-record sweeper, the platforms' own services, the
    /// HTTP/WebSocket server, then the dispatcher, which therefore shuts down first and drains its
    /// handlers while sockets are still open.
    func makeServiceGroup(
        gracefulShutdownSignals: [UnixSignal] = [.sigterm, .sigint],
        onServerRunning: @escaping @Sendable (_ port: Int) async -> Void = { _ in }
    ) -> ServiceGroup {
        let dispatcher = Dispatcher(bot: bot)
        let platforms = makePlatforms(dispatcher: dispatcher)
        directory.set(platforms)

        let router = Router()
        HealthRoutes(readiness: readiness).register(on: router)
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
        let services: [any Service] = [ExpiredRecordSweeper(records: storage.records, logger: logger)]
            + platforms.compactMap(\.service)
            + [app, DispatcherService(dispatcher: dispatcher, readiness: readiness, logger: logger)]
        return ServiceGroup(configuration: .init(services: services, gracefulShutdownSignals: gracefulShutdownSignals, logger: logger))
    }
}
