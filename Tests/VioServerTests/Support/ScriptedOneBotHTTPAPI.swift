import Foundation
import Hummingbird
import NIOFoundationCompat
import Synchronization
import VioCore
import VioServerTesting
import VioTestSupport

/// A OneBot implementation's HTTP API, as NapCat or go-cqhttp serve it in HTTP mode: each
/// `POST /<action>` is recorded with its params and `Authorization` header, and answered `ok` with
/// the data named in `answering` (else `null`; `send_msg` gets a message id).
///
/// ```swift
/// try await ScriptedOneBotHTTPAPI.run { api in
///     // start vio-server with ONEBOT_HTTP_API_URL = api.root, post an event to it, then:
///     let call = try await api.nextCall()
///     #expect(call.name == "send_msg")
/// }
/// ```
final class ScriptedOneBotHTTPAPI: Sendable {
    /// One call the server made.
    struct Call: Sendable {
        let name: String
        let params: JSONValue
        let authorization: String?

        /// The text of a message it sends.
        var messageText: String {
            ScriptedOneBotPeer.Action(name: name, params: params, echo: .null).messageText
        }
    }

    private let boundRoot = Mutex<URL?>(nil)
    private let recorded = Mutex<[Call]>([])
    private let callInput: AsyncStream<Call>.Continuation
    private let queue: CallQueue

    /// The calls in arrival order, for one reader.
    private actor CallQueue {
        var iterator: AsyncStream<Call>.Iterator

        init(_ calls: AsyncStream<Call>) {
            iterator = calls.makeAsyncIterator()
        }

        func next() async -> Call? {
            var taken = iterator
            defer { iterator = taken }
            return await taken.next(isolation: self)
        }
    }

    private init() {
        let (calls, callInput) = AsyncStream.makeStream(of: Call.self)
        self.callInput = callInput
        queue = CallQueue(calls)
    }

    /// The API's root, as `ONEBOT_HTTP_API_URL` names it.
    var root: URL { boundRoot.withLock { $0 } ?? URL(fileURLWithPath: "/") }

    /// Every call so far, in order.
    var all: [Call] { recorded.withLock { $0 } }

    /// Waits for the next call not yet taken.
    func nextCall() async throws -> Call {
        guard let call = await queue.next() else { throw ScriptedOneBotPeer.PeerError.connectionEnded }
        return call
    }

    static func run(answering: [String: JSONValue] = [:], _ body: @Sendable (ScriptedOneBotHTTPAPI) async throws -> Void) async throws {
        let api = ScriptedOneBotHTTPAPI()
        let router = Router()
        router.post(":action") { request, context -> Response in
            let name = context.parameters.get("action") ?? ""
            let body = try await request.body.collect(upTo: 1 << 20)
            let params = (try? JSONDecoder().decode(JSONValue.self, from: Data(buffer: body))) ?? .null
            let call = Call(name: name, params: params, authorization: request.headers[.authorization])
            api.recorded.withLock { $0.append(call) }
            api.callInput.yield(call)
            let data = answering[name] ?? (name == "send_msg" ? ["message_id": 900] : .null)
            let answer = JSONValue.object(["status": "ok", "retcode": 0, "data": data])
            return Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: .init(byteBuffer: ByteBuffer(data: try JSONEncoder().encode(answer))))
        }
        try await LoopbackServer.run(router) { root in
            api.boundRoot.withLock { $0 = root }
            try await body(api)
        }
    }
}
