import Foundation
import Hummingbird
import Synchronization
import Testing

/// A fake OpenAI-compatible endpoint on 127.0.0.1 at an ephemeral port, for tests through real sockets.
enum FakeOpenAIServer {
    /// Runs `router` until `body` returns; `body` gets the server's base URL (`http://127.0.0.1:PORT/v1`).
    static func run<Value: Sendable>(_ router: Router<BasicRequestContext>,
                                     _ body: @Sendable (URL) async throws -> Value) async throws -> Value {
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                portContinuation.yield(channel.localAddress?.port ?? 0)
                portContinuation.finish()
            })
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.run() }
            defer { group.cancelAll() }
            var iterator = ports.makeAsyncIterator()
            let port = try #require(await iterator.next())
            let url = try #require(URL(string: "http://127.0.0.1:\(port)/v1"))
            return try await body(url)
        }
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
