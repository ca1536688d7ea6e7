import Foundation
import Logging
import ServiceLifecycle
import VioAsyncHTTPClient
import VioCore
import VioServerTesting
import VioTestSupport
@testable import VioServerKit
@testable import VioStorage

/// vio-server running on an ephemeral loopback port with a fresh data folder (or the PostgreSQL
/// database its configuration names, connected before the test goes on), for end-to-end tests.
struct RunningServer: Sendable {
    let port: Int
    let server: VioServer
    let serviceGroup: ServiceGroup

    /// Starts a server with `bot`, runs `body`, then shuts the server down gracefully.
    static func with(
        bot: Bot,
        dataDirectory: URL,
        logger: Logger = .quiet("vio-server-test"),
        configure: (inout ServerConfiguration) -> Void = { _ in },
        _ body: @Sendable (RunningServer) async throws -> Void
    ) async throws {
        try await AsyncHTTPClientTransport.withTransport { transport in
            try await with(dataDirectory: dataDirectory, logger: logger, configure: configure, makeServer: { configuration, storage, logger in
                VioServer(configuration: configuration, storage: storage, bot: bot, transport: transport, logger: logger)
            }, body)
        }
    }

    /// Starts the real Vio bot (every feature, SQLite in `dataDirectory`), runs `body`, then shuts it down.
    static func withVioBot(
        dataDirectory: URL,
        logger: Logger = .quiet("vio-server-test"),
        heartbeatClock: any Clock<Duration> = ContinuousClock(),
        configure: (inout ServerConfiguration) -> Void = { _ in },
        _ body: @Sendable (RunningServer) async throws -> Void
    ) async throws {
        try await AsyncHTTPClientTransport.withTransport { transport in
            try await with(dataDirectory: dataDirectory, logger: logger, configure: configure, makeServer: { configuration, storage, logger in
                VioServer.vioBot(configuration: configuration, storage: storage, transport: transport, logger: logger, heartbeatClock: heartbeatClock)
            }, body)
        }
    }

    private static func with(
        dataDirectory: URL,
        logger: Logger,
        configure: (inout ServerConfiguration) -> Void,
        makeServer: (ServerConfiguration, ServerStorage, Logger) -> VioServer,
        _ body: @Sendable (RunningServer) async throws -> Void
    ) async throws {
        var configuration = ServerConfiguration()
        configuration.host = "127.0.0.1"
        configuration.port = 0
        configuration.dataDirectory = dataDirectory
        configure(&configuration)
        try await ServerStorage.with(configuration.storage, logger: logger) { storage in
            let server = makeServer(configuration, storage, logger)
            try await server.serving { port, group in
                try await body(RunningServer(port: port, server: server, serviceGroup: group))
            }
        }
    }
}
