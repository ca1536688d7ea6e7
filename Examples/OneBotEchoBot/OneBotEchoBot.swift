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
        let handshake = ReverseWebSocketHandshake(accessToken: token)
        let maxFrameSize = ProcessInfo.processInfo.environment["ONEBOT_MAX_FRAME_BYTES"].flatMap { Int($0) } ?? 16 << 20
        var bot = Bot()
        bot.fallback { context in
            try await context.reply(OutgoingMessage(stringLiteral: context.message.text))
        }
        let echoBot = bot

        let router = Router(context: BasicWebSocketRequestContext.self)
        router.ws("/onebot") { request, _ in
            if case .failure(let rejection) = handshake.check(headers: headers(of: request), query: request.uri.query) {
                throw HTTPError(.init(code: rejection.httpStatus), message: rejection.description)
            }
            return .upgrade([:])
        } onUpgrade: { inbound, outbound, context in
            let peer = try handshake.check(headers: headers(of: context.request), query: context.request.uri.query).get()
            let client = OneBotClient()
            let adapter = OneBotAdapter(client: client, selfID: peer.selfID ?? 0)
            context.logger.info("OneBot peer connected", metadata: ["self_id": "\(peer.selfID.map(String.init(describing:)) ?? "?")"])
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    for await frame in client.outgoing {
                        try await outbound.write(.text(String(decoding: frame, as: UTF8.self)))
                    }
                }
                defer { client.connectionClosed() }
                var frames = OneBotFrameReader(inbound, maxSize: maxFrameSize)
                do {
                    while let frame = try await frames.next() {
                        if let event = client.receive(frame), let botEvent = adapter.botEvent(for: event) {
                            group.addTask { await echoBot.handle(botEvent, via: adapter) }
                        }
                    }
                } catch let error as OneBotFrameReader.MessageTooLarge {
                    context.logger.error("refused \(error) with close code 1009; raise ONEBOT_MAX_FRAME_BYTES if the peer's messages are that large")
                    try? await outbound.close(.messageTooLarge, reason: nil)
                }
                try await group.waitForAll()
            }
        }

        let app = Application(
            router: Router(),
            server: .oneBot(webSocketRouter: router, handshake: handshake, paths: ["/onebot"], maxFrameSize: maxFrameSize),
            configuration: .init(address: .hostname("0.0.0.0", port: 8080))
        )
        try await app.runService()
    }

    /// The request's headers as name/value pairs, for the handshake check.
    static func headers(of request: Request) -> [(name: String, value: String)] {
        request.headers.map { ($0.name.rawName, $0.value) }
    }
}
