import Foundation
import Hummingbird
import HummingbirdWebSocket
import Logging
import OneBot
import OneBotHummingbird
import ServiceLifecycle
import UnixSignals
import VioCore

/// The running server: one port with every route, the event dispatcher and the open connections.
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
    let oneBotConnections: OneBotConnections

    init(configuration: ServerConfiguration, storage: ServerStorage, bot: Bot, logger: Logger, oneBotConnections: OneBotConnections = OneBotConnections()) {
        self.configuration = configuration
        self.storage = storage
        self.bot = bot
        self.logger = logger
        self.oneBotConnections = oneBotConnections
    }

    /// The services to run: the expired-record sweeper, the HTTP/WebSocket server, then the
    /// dispatcher, which therefore shuts down first and drains its handlers while sockets are still
    /// open.
    func makeServiceGroup(
        gracefulShutdownSignals: [UnixSignal] = [.sigterm, .sigint],
        onServerRunning: @escaping @Sendable (_ port: Int) async -> Void = { _ in }
    ) -> ServiceGroup {
        let dispatcher = EventDispatcher(bot: bot, logger: logger)

        let router = Router()
        HealthRoutes().register(on: router)

        let handshake = ReverseWebSocketHandshake(accessToken: configuration.oneBotAccessToken)
        let webSocketRouter = Router(context: OneBotRequestContext.self)
        OneBotRoutes(
            handshake: handshake, connections: oneBotConnections, dispatcher: dispatcher,
            apiTimeout: configuration.oneBotAPITimeout, maximumMessageSize: configuration.oneBotMaxFrameBytes, logger: logger
        ).register(on: webSocketRouter)

        let app = Application(
            router: router,
            server: .oneBot(
                webSocketRouter: webSocketRouter, handshake: handshake, paths: Set(OneBotRoutes.paths),
                maxFrameSize: configuration.oneBotMaxFrameBytes),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "vio-server"),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) },
            logger: logger
        )
        let sweeper = ExpiredRecordSweeper(records: storage.records, logger: logger)
        return ServiceGroup(configuration: .init(services: [sweeper, app, dispatcher], gracefulShutdownSignals: gracefulShutdownSignals, logger: logger))
    }
}
