// The floor vio-server is measured against: a bare Hummingbird 2 server with the same build settings
// (`swift build -c release`), no Vio in it. It answers `GET /healthz`, and on `/onebot/v11/ws` it
// answers every OneBot message event with a canned `send_msg` frame (the `user_id` found by a
// substring match, no JSON decoder), ignoring the peer's responses. With `BOT_TOKEN` and
// `TELEGRAM_API_URL` set it also long-polls that Bot API with AsyncHTTPClient, as vio-server does,
// and answers every update with a canned `sendMessage` (the chat id found by a substring match),
// reading each answer's body but decoding nothing. With `OPENAI_BASE_URL` set, `POST /v1/chat` and
// `POST /post` relay to that model: each request's body is read, a canned chat completion request
// is sent with AsyncHTTPClient, and the answer's `content` (found by a substring match) is sent back;
// no JSON decoder, no memory. VioLoad drives it like vio-server:
//
//   swift build -c release --product HummingbirdFloor && swift run -c release VioLoad --server .build/release/HummingbirdFloor
//   swift run -c release VioLoad --server .build/release/HummingbirdFloor --platform telegram
//   swift run -c release VioLoad --server .build/release/HummingbirdFloor --platform chat
import AsyncHTTPClient
import Foundation
import Hummingbird
import HummingbirdWebSocket
import NIOCore

let environment = ProcessInfo.processInfo.environment
let port = environment["PORT"].flatMap { Int($0) } ?? 8080
let host = environment["HOST"] ?? "127.0.0.1"

let router = Router()
router.get("healthz") { _, _ in "ok" }

let webSocketRouter = Router(context: BasicWebSocketRequestContext.self)
webSocketRouter.ws("/onebot/v11/ws") { inbound, outbound, _ in
    var echo = 0
    for try await case .text(let text) in inbound.messages(maxSize: 1 << 20) {
        guard text.contains(#""post_type":"message""#), let key = text.range(of: #""user_id":"#) else { continue }
        let user = text[key.upperBound...].prefix { $0.isNumber }
        echo += 1
        try await outbound.write(.text(#"{"action":"send_msg","params":{"message_type":"private","user_id":\#(user),"message":"pong"},"echo":"\#(echo)"}"#))
    }
}

/// POSTs `json` to the Bot API method and returns the answer's body as text.
func callBotAPI(_ root: String, _ token: String, _ method: String, _ json: String) async throws -> String {
    var request = HTTPClientRequest(url: "\(root)/bot\(token)/\(method)")
    request.method = .POST
    request.headers.add(name: "Content-Type", value: "application/json")
    request.body = .bytes(ByteBuffer(string: json))
    let response = try await HTTPClient.shared.execute(request, timeout: .seconds(60))
    return String(buffer: try await response.body.collect(upTo: 32 << 20))
}

/// Every number after `"key":` in `text`, in order.
func numbers(after key: String, in text: String) -> [Substring] {
    var found: [Substring] = []
    var rest = text[...]
    while let range = rest.range(of: key) {
        rest = rest[range.upperBound...]
        found.append(rest.prefix { $0.isNumber || $0 == "-" })
    }
    return found
}

if let token = environment["BOT_TOKEN"], let root = environment["TELEGRAM_API_URL"] {
    Task {
        var offset = 0
        while true {
            let batch = try await callBotAPI(root, token, "getUpdates", #"{"offset":\#(offset),"timeout":30}"#)
            if let last = numbers(after: #""update_id":"#, in: batch).last.flatMap({ Int($0) }) { offset = last + 1 }
            try await withThrowingTaskGroup(of: Void.self) { sends in
                for chat in numbers(after: #""chat":{"id":"#, in: batch) {
                    sends.addTask { _ = try await callBotAPI(root, token, "sendMessage", #"{"chat_id":\#(chat),"text":"pong"}"#) }
                }
                try await sends.waitForAll()
            }
        }
    }
}

if let model = environment["OPENAI_BASE_URL"] {
    for path in ["/v1/chat", "/post"] {
        router.post(RouterPath(path)) { request, _ -> Response in
            _ = try await request.body.collect(upTo: 1 << 20)
            var call = HTTPClientRequest(url: "\(model)/chat/completions")
            call.method = .POST
            call.headers.add(name: "Content-Type", value: "application/json")
            call.body = .bytes(ByteBuffer(string: #"{"model":"fake","messages":[{"role":"user","content":"你好"}]}"#))
            let answer = String(buffer: try await HTTPClient.shared.execute(call, timeout: .seconds(60)).body.collect(upTo: 1 << 20))
            let content = answer.range(of: #""content":""#).map { answer[$0.upperBound...].prefix { $0 != "\"" } } ?? ""
            return Response(status: .ok, headers: [.contentType: "application/json"],
                            body: .init(byteBuffer: ByteBuffer(string: #"{"reply":"\#(content)"}"#)))
        }
    }
}

let app = Application(
    router: router,
    server: .http1WebSocketUpgrade(webSocketRouter: webSocketRouter, configuration: .init(http1: .init(), ws: .init(maxFrameSize: 1 << 20))),
    configuration: .init(address: .hostname(host, port: port))
)
try await app.runService()
