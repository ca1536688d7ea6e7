// The floor vio-server is measured against: a bare Hummingbird 2 server with the same build settings
// (`swift build -c release`), no Vio in it. It answers `GET /healthz`, and on `/onebot/v11/ws` it
// answers every OneBot message event with a canned `send_msg` frame (the `user_id` found by a
// substring match, no JSON decoder), ignoring the peer's responses. VioLoad drives it like vio-server:
//
//   swift build -c release --product HummingbirdFloor && swift run -c release VioLoad --server .build/release/HummingbirdFloor
import Foundation
import Hummingbird
import HummingbirdWebSocket

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

let app = Application(
    router: router,
    server: .http1WebSocketUpgrade(webSocketRouter: webSocketRouter, configuration: .init(http1: .init(), ws: .init(maxFrameSize: 1 << 20))),
    configuration: .init(address: .hostname(host, port: port))
)
try await app.runService()
