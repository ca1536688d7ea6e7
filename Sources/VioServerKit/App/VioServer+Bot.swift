import Foundation
import Logging
import VioCore
import VioStorage

extension VioServer {
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
                ServerStatus(uptime: ContinuousClock.now - started, connectedBots: await directory.connectedBots(), linksDown: directory.linksDown)
            })
        VioFeatures.install(on: &bot, environment: environment, adding: extra)
        return VioServer(
            configuration: configuration, storage: storage, bot: bot, transport: transport, logger: logger, directory: directory, metrics: metrics,
            heartbeatClock: heartbeatClock)
    }
}
