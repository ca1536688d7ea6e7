import Foundation
import Hummingbird
import NIOFoundationCompat
import Synchronization
import VioCore
import VioCoreTesting
import VioTestSupport

/// The model and picture APIs the Vio bot calls, played on loopback: they record what they were
/// sent and answer like OpenAI and the lolicon API.
final class FakeUpstreams: Sendable {
    private let bodies = Mutex<[String: [JSONValue]]>([:])
    /// The model answers only once this gate is open (open unless a test closes it).
    let modelGate: Gate

    init(modelGate: Gate? = nil) {
        self.modelGate = modelGate ?? { let gate = Gate(); gate.open(); return gate }()
    }

    /// The JSON bodies sent to `path`, in order.
    func requests(to path: String) -> [JSONValue] {
        bodies.withLock { $0[path] ?? [] }
    }

    /// Runs `body` with the base URL the fakes listen on.
    func run(_ body: @Sendable (URL) async throws -> Void) async throws {
        let router = Router()
        router.post("v1/chat/completions") { request, _ -> Response in
            let sent = try await self.record(request, as: "chat")
            await self.modelGate.wait()
            let count = sent["messages"]?.arrayValue?.count ?? 0
            return Self.json(#"{"id":"c1","object":"chat.completion","created":1,"model":"fake","choices":[{"index":0,"message":{"role":"assistant","content":"答复\#(count)"},"finish_reason":"stop"}]}"#)
        }
        router.post("setu/v2") { request, _ -> Response in
            _ = try await self.record(request, as: "pictures")
            return Self.json(#"{"error":"","data":[{"pid":42,"title":"海","author":"画师","r18":false,"urls":{"regular":"https://i.pixiv.re/img/42.jpg"}}]}"#)
        }
        try await LoopbackServer.run(router, body)
    }

    private func record(_ request: Request, as name: String) async throws -> JSONValue {
        let buffer = try await request.body.collect(upTo: 1 << 20)
        let value = try JSONDecoder().decode(JSONValue.self, from: Data(buffer: buffer))
        bodies.withLock { $0[name, default: []].append(value) }
        return value
    }

    private static func json(_ text: String) -> Response {
        Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
