import Foundation
import Logging
import VioAsyncHTTPClient
import VioCore
import VioStorage

extension VioServer {
    /// The Vio bot, with `extra` after Vio's features, over the storage `configuration` names and
    /// an AsyncHTTPClient transport, while `body` runs; both close after it.
    static func withVioBot<Result: Sendable>(
        configuration: ServerConfiguration, adding extra: [any Feature], logger: Logger, _ body: (VioServer) async throws -> Result
    ) async throws -> Result {
        try await ServerStorage.with(configuration.storage, turnRetention: configuration.conversationRetention, logger: logger) { storage in
            try await AsyncHTTPClientTransport.withTransport { transport in
                try await body(vioBot(configuration: configuration, storage: storage, transport: transport, logger: logger, adding: extra))
            }
        }
    }

    /// vio-server with the Vio bot: every feature, then those of `extra`, installed over the
    /// server's storage and `transport`.
    static func vioBot(
        configuration: ServerConfiguration, storage: ServerStorage, transport: any HTTPTransport, logger: Logger,
        adding extra: [any Feature] = [], heartbeatClock: any Clock<Duration> = ContinuousClock()
    ) -> VioServer {
        let directory = PlatformDirectory()
        let metrics = ServerMetrics()
        let started = ContinuousClock.now
        var bot = Bot(services: BotServices(
            conversations: storage.conversations, storage: storage.records, logger: SwiftLogBotLogger(logger: logger)))
        let environment = FeatureEnvironment(
            configuration: configuration, transport: transport,
            conversations: storage.conversations, records: storage.records, metrics: metrics,
            status: {
                ServerStatus(uptime: ContinuousClock.now - started, connectedBots: await directory.connectedBots().map(\.name), linksDown: directory.linksDown)
            })
        VioFeatures.install(on: &bot, environment: environment, adding: extra)
        return VioServer(
            configuration: configuration, storage: storage, bot: bot, transport: transport, logger: logger, directory: directory, metrics: metrics,
            heartbeatClock: heartbeatClock, started: started)
    }
}
