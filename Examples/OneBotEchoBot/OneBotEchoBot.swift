// A QQ echo bot over OneBot's reverse WebSocket. Point NapCat, go-cqhttp or Lagrange at
// ws://<this machine>:8080/onebot (with the same token as ONEBOT_TOKEN, if set) and run:
//   ONEBOT_TOKEN=secret swift run OneBotEchoBot
// Every private message, and every group message that mentions the bot, is echoed back.
// OneBot peers send each JSON document as one WebSocket frame, often megabytes; frames up to
// ONEBOT_MAX_FRAME_BYTES (16 MiB by default) are read, larger ones are refused with close code 1009.
import Foundation
import Hummingbird
import HummingbirdWebSocket
import OneBot
import OneBotHummingbird
import VioCore

@main
struct OneBotEchoBot {
    static func main() async throws {
        let token = ProcessInfo.processInfo.environment["ONEBOT_TOKEN"].map { Redacted($0) }
        let maxFrameSize = ProcessInfo.processInfo.environment["ONEBOT_MAX_FRAME_BYTES"].flatMap { Int($0) } ?? 16 << 20
        var bot = Bot()
        bot.fallback { context in
            try await context.reply(OutgoingMessage(stringLiteral: context.message.text))
        }
        let dispatcher = Dispatcher(bot: bot)

        // The server's gate checks each handshake (token, X-Self-ID) before the upgrade: 401 or 403 if wrong.
        let handshake = ReverseWebSocketHandshake(accessToken: token, requiresSelfID: true)
        let router = Router(context: BasicWebSocketRequestContext.self)
        router.ws("/onebot") { inbound, outbound, context in
            let peer = ReverseWebSocketHandshake.peer(headers: context.request.headers.map { ($0.name.rawName, $0.value) })
            let connection = OneBotConnection(selfID: peer.selfID ?? 0, inbound: inbound, outbound: outbound, maxMessageSize: maxFrameSize)
            context.logger.info("OneBot peer connected", metadata: ["self_id": "\(connection.adapter.selfID)"])
            do {
                try await dispatcher.serve(connection)
            } catch {
                context.logger.error("OneBot peer disconnected: \(error)")
                if let (code, reason) = OneBotFrameReader.closing(after: error) { try? await outbound.close(code, reason: reason) }
            }
        }

        let app = Application(
            router: Router(),
            server: .oneBot(webSocketRouter: router, handshake: handshake, paths: ["/onebot"], maxFrameSize: maxFrameSize),
            configuration: .init(address: .hostname("0.0.0.0", port: 8080))
        )
        try await app.runService()
    }
}
