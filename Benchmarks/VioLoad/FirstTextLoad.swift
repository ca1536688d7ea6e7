import Foundation
import Hummingbird
import Synchronization
import VioServerTesting

/// Time to first visible text: a slow model streams each chat answer (its first token after
/// ``firstTokenDelay``, then a piece every ``pieceInterval``) and the chat platform is played on
/// loopback. On Telegram a turn's figure is from the model writing its first token to the first
/// `sendMessage`; on QQ, whose answers go out in parts of `VIO_QQ_SPLIT_CHARS`, from the model
/// writing the piece that completes the first part to its `send_msg`. One turn at a time, each
/// from a new user (no history, no note).
struct FirstTextLoad {
    static let firstTokenDelay = Duration.milliseconds(300)
    static let pieceInterval = Duration.milliseconds(40)
    /// 24 pieces of 40 characters, the fifth, tenth… ending a paragraph: about 970 characters. On QQ
    /// (600 a part) the fifteenth piece (``firstPartTrigger``) takes the answer past 600, which
    /// completes the first part: the ten pieces before the last blank line that fits.
    static let firstPartTrigger = 14
    /// The whole answer as the server's last edit shows it.
    static let answer = pieces.joined().trimmingCharacters(in: .whitespacesAndNewlines)
    static let pieces = (1...24).map { index in String(repeating: "字", count: 39) + (index % 5 == 0 ? "。\n\n" : "，") }

    /// The model: streams ``pieces``, noting when it wrote each one, request by request.
    final class SlowModel: Sendable {
        private let written = Mutex<[[ContinuousClock.Instant]]>([])

        /// When the model wrote piece `piece` (0 is the first token) of its `turn`th answer.
        func wrote(_ piece: Int, ofTurn turn: Int) -> ContinuousClock.Instant? {
            written.withLock { turn < $0.count && piece < $0[turn].count ? $0[turn][piece] : nil }
        }

        var router: Router<BasicRequestContext> {
            let router = Router()
            router.post("v1/chat/completions") { request, _ -> Response in
                _ = try await request.body.collect(upTo: 1 << 20)
                let turn = self.written.withLock { written in
                    written.append([])
                    return written.count - 1
                }
                return Response(status: .ok, headers: [.contentType: "text/event-stream"], body: ResponseBody { writer in
                    try await Task.sleep(for: FirstTextLoad.firstTokenDelay)
                    for (index, piece) in FirstTextLoad.pieces.enumerated() {
                        if index > 0 { try await Task.sleep(for: FirstTextLoad.pieceInterval) }
                        self.written.withLock { $0[turn].append(.now) }
                        try await writer.write(ByteBuffer(string: FirstTextLoad.chunk(piece)))
                    }
                    try await writer.write(ByteBuffer(string: "data: [DONE]\n\n"))
                    try await writer.finish(nil)
                })
            }
            return router
        }
    }

    static func chunk(_ text: String) -> String {
        #"data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"slow","choices":[{"index":0,"delta":{"content":"\#(text.replacingOccurrences(of: "\n", with: "\\n"))"},"finish_reason":null}]}"# + "\n\n"
    }

    /// The settings that point the server's chat at `model` and leave nothing else in the way.
    static func settings(model: Int) -> [String: String] {
        [
            "OPENAI_API_KEY": "sk-load-0123456789", "OPENAI_BASE_URL": "http://127.0.0.1:\(model)/v1", "OPENAI_MODEL": "slow",
            "VIO_CHAT_RATE": "0", "VIO_TOOLS": "off", "VIO_MEMORY_SUMMARY": "off", "TELEGRAM_SEND_RATE": "100000",
        ]
    }

    /// Telegram: `turns` private messages, each from a new chat, after the one before was edited to its end.
    static func telegram(turns: Int, server: ServerUnderLoad) async throws -> [Duration] {
        let model = SlowModel()
        let api = FakeBotAPI()
        return try await LoopbackUpstream.run(model.router) { modelPort in
            let gaps = Mutex<[Duration]>([])
            try await api.run { apiURL in
                _ = try await server.start(settings(model: modelPort).merging(FakeBotAPI.settings(root: apiURL)) { $1 })
                defer { _ = server.stop() }
                for turn in 0..<turns {
                    let chat = 500_000 + turn
                    api.queue([#"{"update_id":\#(turn + 1),"message":{"message_id":\#(turn + 1),"date":1700000000,"chat":{"id":\#(chat),"type":"private","first_name":"Load"},"from":{"id":\#(chat),"is_bot":false,"first_name":"Load"},"text":"讲个故事"}}"#])
                    let first = await api.waitForCall("sendMessage") { $0["chat_id"]?.int64Value == Int64(chat) }
                    _ = await api.waitForCall("editMessageText") { $0["chat_id"]?.int64Value == Int64(chat) && $0["text"]?.stringValue == answer }
                    if let token = model.wrote(0, ofTurn: turn) { gaps.withLock { $0.append(first.at - token) } }
                }
                api.finish()
            }
            return gaps.withLock { $0 }
        }
    }

    /// QQ: `turns` private messages over a reverse WebSocket, each from a new user, after the one
    /// before had all its parts.
    static func qq(turns: Int, server: ServerUnderLoad) async throws -> [Duration] {
        let model = SlowModel()
        return try await LoopbackUpstream.run(model.router) { modelPort in
            _ = try await server.start(settings(model: modelPort))
            defer { _ = server.stop() }
            let gaps = Mutex<[Duration]>([])
            let selfID: Int64 = 2_000_000_002
            try await ScriptedOneBotPeer.connect(port: server.port, selfID: selfID) { peer in
                for turn in 0..<turns {
                    try await peer.send(OneBotFrames.privateMessage("讲个故事", from: 600_000 + Int64(turn), selfID: selfID, messageID: Int64(turn + 1)))
                    _ = try await peer.answerNext("send_msg")
                    let shown = ContinuousClock.now
                    _ = try await peer.answerNext("send_msg")
                    if let complete = model.wrote(firstPartTrigger, ofTurn: turn) { gaps.withLock { $0.append(shown - complete) } }
                }
            }
            return gaps.withLock { $0 }
        }
    }
}
