import Hummingbird
import Logging

/// Builds the Hummingbird application `vio-server` runs: one port, every route.
enum VioServerApplication {
    static func make(
        configuration: ServerConfiguration,
        storage: ServerStorage,
        logger: Logger,
        onServerRunning: @escaping @Sendable (_ port: Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        let router = Router()
        HealthRoutes().register(on: router)
        return Application(
            router: router,
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "vio-server"),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) },
            logger: logger
        )
    }
}
