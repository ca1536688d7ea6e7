import Foundation
import Testing
import VioCore
import VioCoreTesting
@testable import VioServerKit
import VioServerTesting

/// A long chat answer on QQ, through the scripted OneBot peer: its first part arrives while the
/// fake model still holds the rest, and the parts come in order.
extension VioBotEndToEndTests {
    @Test func aLongAnswerIsSplitOnQQInOrderTheFirstPartBeforeTheModelIsDone() async throws {
        let directory = try TemporaryDirectory()
        let streamGate = Gate()
        let upstreams = FakeUpstreams(streamGate: streamGate)
        let first = String(repeating: "甲", count: 59) + "。"
        let second = String(repeating: "乙", count: 80) + "。"
        let third = String(repeating: "丙", count: 40) + "。"
        upstreams.answerNext(inPieces: [first + "\n\n" + second.prefix(50), second.dropFirst(50) + "\n\n" + third])
        try await run(upstreams, in: directory.url, configure: { $0.qqSplitCharacters = 100 }) { peer in
            try await peer.send(OneBotFrames.privateMessage("讲长一点", selfID: Self.selfID))
            #expect(try await peer.answerNext("send_msg").messageText == first, "sent while the model holds the rest")
            streamGate.open()
            #expect(try await peer.answerNext("send_msg").messageText == second)
            #expect(try await peer.answerNext("send_msg").messageText == third)
        }
        #expect(upstreams.requests(to: "chat").first?["stream"] == true)
    }
}
