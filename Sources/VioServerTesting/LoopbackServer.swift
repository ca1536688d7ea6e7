import Foundation
import Hummingbird
import Logging

/// A Hummingbird server on 127.0.0.1 with a port the system picks, for tests that need a real peer.
///
/// ```swift
/// let router = Router()
/// router.get("hello") { _, _ in "hi" }
/// try await LoopbackServer.run(router) { baseURL in
///     let response = try await transport.send(HTTPRequest(url: baseURL.appending(path: "hello")))
/// }
/// ```
public enum LoopbackServer {
    /// Starts `router` on a fresh port, runs `body` with the server's base URL, then shuts the server down.
    public static func run<Result: Sendable>(
        _ router: Router<BasicRequestContext>,
        _ body: @Sendable (URL) async throws -> Result
    ) async throws -> Result {
        let (ports, portInput) = AsyncStream.makeStream(of: Int.self)
        let logger = Logger.quiet("loopback-server")
        let app = Application(
            router: router,
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                portInput.yield(channel.localAddress?.port ?? 0)
                portInput.finish()
            },
            logger: logger
        )
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.run() }
            defer { group.cancelAll() }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next(), port > 0, let baseURL = URL(string: "http://127.0.0.1:\(port)") else {
                throw LoopbackServerError.didNotStart
            }
            return try await body(baseURL)
        }
    }
}

/// The loopback server could not bind a port.
public enum LoopbackServerError: Error {
    case didNotStart
}
