import Foundation
import Testing
import VioCore
import VioCoreTesting
@testable import VioServerKit
import VioServerTesting

/// Memory that summarises, through the scripted OneBot peer and the SQLite store: a QQ
/// conversation longer than its limit gets a note that goes with later requests, `记忆` shows it
/// and `/reset` forgets it.
extension VioBotEndToEndTests {
    @Test func aLongQQConversationIsFoldedIntoANoteThatResetForgets() async throws {
        let directory = try TemporaryDirectory()
        let upstreams = FakeUpstreams()
        try await run(upstreams, in: directory.url, configure: { $0.chatRate = nil; $0.summaryEvery = 2 }) { peer in
            // Twenty turns fit; eleven exchanges leave twenty-two, so the twelfth message folds two.
            for turn in 1...12 {
                try await peer.send(OneBotFrames.privateMessage("第\(turn)句", selfID: Self.selfID, messageID: Int64(turn)))
                _ = try await peer.answerNext("send_msg")
            }
            let requests = upstreams.requests(to: "chat")
            let summaries = requests.filter { $0["messages"]?[0]?["content"] == .string(FeatureTexts.Memory.summaryInstruction) }
            #expect(summaries.count == 1)
            let folded = summaries.first?["messages"]?[1]?["content"]?.stringValue ?? ""
            #expect(folded.contains("用户：第1句") && folded.contains("助手：") && !folded.contains("第2句"))
            let note = FeatureTexts.Memory.systemMessage("答复2")
            #expect(requests.last?["messages"]?[1] == ["role": "system", "content": .string(note)])

            try await peer.send(OneBotFrames.privateMessage("记忆", selfID: Self.selfID, messageID: 20))
            #expect(try await peer.answerNext("send_msg").messageText == FeatureTexts.Memory.shown("答复2"))
            try await peer.send(OneBotFrames.privateMessage("/reset", selfID: Self.selfID, messageID: 21))
            _ = try await peer.answerNext("send_msg")
            try await peer.send(OneBotFrames.privateMessage("重新开始", selfID: Self.selfID, messageID: 22))
            _ = try await peer.answerNext("send_msg")
            #expect(upstreams.requests(to: "chat").last?["messages"]?.arrayValue?.count == 2, "the prompt and the new message: no note")
            try await peer.send(OneBotFrames.privateMessage("记忆", selfID: Self.selfID, messageID: 23))
            #expect(try await peer.answerNext("send_msg").messageText == FeatureTexts.Memory.empty)
        }
    }
}
