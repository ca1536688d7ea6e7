import Foundation
import Hummingbird
import VioServerTesting
import VioTestSupport
import Synchronization

/// A Bot API server on a loopback port: checks the token in the path, records every call, and
/// answers each with what the test's `answer` closure returns.
final class FakeBotAPI: Sendable {
    struct Call: Sendable {
        let method: String
        let contentType: String
        let body: Data

        var json: [String: Any]? {
            (try? JSONSerialization.jsonObject(with: body)) as? [String: Any]
        }

        var text: String { String(decoding: body, as: UTF8.self) }
    }

    typealias Answer = @Sendable (_ call: Call, _ index: Int) -> (status: Int, body: String)

    let token: String
    private let answer: Answer
    private let recorded = Mutex<[Call]>([])

    init(token: String, answer: @escaping Answer) {
        self.token = token
        self.answer = answer
    }

    var calls: [Call] { recorded.withLock { $0 } }

    /// Runs the server, hands `body` its base URL, and stops the server when `body` returns.
    func run<T: Sendable>(_ body: @Sendable (URL) async throws -> T) async throws -> T {
        let router = Router()
        router.post(":bot/:method") { request, context -> Response in
            let bot = context.parameters.get("bot") ?? ""
            let method = context.parameters.get("method") ?? ""
            let bytes = try await request.body.collect(upTo: 1 << 20)
            let call = Call(method: method, contentType: request.headers[.contentType] ?? "", body: Data(bytes.readableBytesView))
            guard bot == "bot" + self.token else {
                return Self.response(401, #"{"ok":false,"error_code":401,"description":"Unauthorized"}"#)
            }
            let index = self.recorded.withLock { calls in
                calls.append(call)
                return calls.filter { $0.method == method }.count - 1
            }
            let (status, text) = self.answer(call, index)
            return Self.response(status, text)
        }
        return try await LoopbackServer.run(router, body)
    }

    private static func response(_ status: Int, _ body: String) -> Response {
        Response(
            status: HTTPResponse.Status(code: status),
            headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }
}
