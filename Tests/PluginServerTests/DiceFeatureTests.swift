import Testing
import VioServerTesting
@testable import PluginServer

/// The example's own feature, tested the way Vio tests its features: vio-server on loopback with the
/// feature installed, a scripted OneBot implementation in front of it.
struct DiceFeatureTests {
    static let selfID: Int64 = 42

    /// Every die shows its highest face, so the answer is known.
    static let loaded = DiceFeature(face: { $0.upperBound })

    @Test func rollsTheDiceItIsAskedFor() async throws {
        try await TestVioServer.with(adding: [Self.loaded]) { server in
            try await ScriptedOneBotPeer.connect(port: server.port, selfID: Self.selfID) { peer in
                try await peer.send(OneBotFrames.privateMessage("/roll 2d6", selfID: Self.selfID))
                #expect(try await peer.answerNext("send_msg").messageText == "🎲 2d6：6 + 6 = 12")
                try await peer.send(OneBotFrames.privateMessage("掷骰子", selfID: Self.selfID, messageID: 2))
                #expect(try await peer.answerNext("send_msg").messageText == "🎲 1d6：6")
                try await peer.send(OneBotFrames.privateMessage("/roll 0d6", selfID: Self.selfID, messageID: 3))
                #expect(try await peer.answerNext("send_msg").messageText.hasPrefix("用法：/roll 2d6"))
            }
        }
    }

    @Test func itIsAFeatureLikeVioSOwn() async throws {
        try await TestVioServer.with(adding: [Self.loaded]) { server in
            try await ScriptedOneBotPeer.connect(port: server.port, selfID: Self.selfID) { peer in
                try await peer.send(OneBotFrames.privateMessage("help", selfID: Self.selfID))
                let help = try await peer.answerNext("send_msg").messageText
                #expect(help.contains("/roll"), "help lists it: \(help)")
                #expect(help.contains("/chat"), "beside Vio's own commands: \(help)")

                try await peer.send(OneBotFrames.privateMessage("/disable 掷骰子", selfID: Self.selfID, messageID: 2))
                #expect(try await peer.answerNext("send_msg").messageText.contains("「骰子」在这里关闭了"))
                try await peer.send(OneBotFrames.privateMessage("/roll 2d6", selfID: Self.selfID, messageID: 3))
                #expect(try await peer.answerNext("send_msg").messageText == "「骰子」在这里已关闭，发送 /enable dice 就能开启。")
            }
        }
    }

    @Test(arguments: [
        ("", DiceRoll(count: 1, sides: 6)), ("2d6", DiceRoll(count: 2, sides: 6)), ("d20", DiceRoll(count: 1, sides: 20)),
        (" 3D8 ", DiceRoll(count: 3, sides: 8)), ("100d1000", DiceRoll(count: 100, sides: 1000)),
        ("0d6", nil), ("101d6", nil), ("2d1", nil), ("2d", nil), ("d", nil), ("two dice", nil), ("2d6d6", nil), ("-1d6", nil),
    ] as [(String, DiceRoll?)])
    func readsDiceAsPeopleWriteThem(text: String, dice: DiceRoll?) {
        #expect(DiceRoll(text) == dice)
    }
}
