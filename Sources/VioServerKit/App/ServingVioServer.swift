import Foundation
import Logging
import VioCore

/// vio-server in your own process, serving while a closure of yours runs: every Vio feature and
/// yours, with the settings you give. What end-to-end tests of your own features start
/// (VioServerTesting's `TestVioServer` fills in a loopback port and a fresh data folder).
///
/// ```swift
/// let settings = ["HOST": "127.0.0.1", "PORT": "0", "VIO_DATA_DIR": folder.path]
/// try await ServingVioServer.with(settings: settings, adding: [Dice()]) { server in
///     // a OneBot implementation dials ws://127.0.0.1:\(server.port)/onebot/v11/ws
/// }
/// ```
public struct ServingVioServer: Sendable {
    /// The port it listens on: the one the system picked when `PORT` is `0`.
    public let port: Int
    private let metrics: ServerMetrics

    /// Returns once `count` events in all, of every platform, have been handled since the server
    /// started (each one's handlers returned): a test waits on it before it checks that an event
    /// caused nothing.
    public func untilHandled(events count: Int) async {
        await metrics.handledEvents.untilCount(atLeast: count)
    }

    /// Events handled so far, of every platform.
    public var handledEvents: Int { metrics.handledEvents.count }

    /// Serves vio-server with `features` installed after Vio's, calls `body` once it listens and
    /// its storage is ready, and shuts it down gracefully when `body` returns or throws.
    ///
    /// - Parameters:
    ///   - settings: the settings README lists (`PORT`, `BOT_TOKEN`, `OPENAI_BASE_URL`, …) as the
    ///     environment would give them; neither the process's environment nor a configuration file
    ///     is read. A setting that is not valid throws, saying what to fix.
    ///   - logger: where the server logs; start-up is not reported (the caller knows its settings).
    @discardableResult
    public static func with<Result: Sendable>(
        settings: [String: String], adding features: [any Feature] = [], logger: Logger = Logger(label: "vio-server"),
        _ body: (ServingVioServer) async throws -> Result
    ) async throws -> Result {
        let configuration = try ServerConfiguration(environment: settings)
        return try await VioServer.withVioBot(configuration: configuration, adding: features, logger: logger) { server in
            try await server.serving { port, _ in
                try await body(ServingVioServer(port: port, metrics: server.metrics))
            }
        }
    }
}
