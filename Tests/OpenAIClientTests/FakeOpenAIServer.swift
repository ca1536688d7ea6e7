import Foundation
import Hummingbird
import Synchronization
import Testing
import VioServerTesting
import VioTestSupport

/// A fake OpenAI-compatible endpoint on 127.0.0.1 at an ephemeral port, for tests through real sockets.
enum FakeOpenAIServer {
    /// Runs `router` until `body` returns; `body` gets the server's base URL (`http://127.0.0.1:PORT/v1`).
    static func run<Value: Sendable>(_ router: Router<BasicRequestContext>,
                                     _ body: @Sendable (URL) async throws -> Value) async throws -> Value {
        try await LoopbackServer.run(router) { baseURL in try await body(baseURL.appendingPathComponent("v1")) }
    }
}

/// What the fake server saw of each request.
final class RequestLog: Sendable {
    struct Entry: Sendable {
        var path: String
        var authorization: String?
        var body: String
    }

    private let entries = Mutex<[Entry]>([])

    var all: [Entry] { entries.withLock { $0 } }

    func record(_ request: Request) async throws {
        let body = try await request.body.collect(upTo: 1 << 20)
        let entry = Entry(path: request.uri.path, authorization: request.headers[.authorization], body: String(buffer: body))
        entries.withLock { $0.append(entry) }
    }
}
