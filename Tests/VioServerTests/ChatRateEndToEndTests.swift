import Foundation
import Testing
import VioCore
@testable import VioServerKit
import VioServerTesting

/// `VIO_CHAT_RATE` through the scripted OneBot peer, on the real server.
extension VioBotEndToEndTests {
    @Test func aUserOverTheChatRateIsToldToWaitWithoutAModelCallAndOthersAreStillAnswered() async throws {
        let directory = try TemporaryDirectory()
        let upstreams = FakeUpstreams()
        try await run(upstreams, in: directory.url, configure: { $0.chatRate = ChatRate(calls: 2, window: .seconds(600)) }) { peer in
            for messageID in Int64(1)...2 {
                try await peer.send(OneBotFrames.groupMessage("你好", atBot: true, selfID: Self.selfID, messageID: messageID))
                #expect(try await peer.answerNext("send_msg").messageText.contains("答复"))
            }
            try await peer.send(OneBotFrames.groupMessage("再来", atBot: true, selfID: Self.selfID, messageID: 3))
            let refusal = try await peer.answerNext("send_msg").messageText
            #expect(refusal.hasPrefix("你问得太快了，请 ") && refusal.hasSuffix(" 秒后再试。"), "\(refusal)")
            try await peer.send(OneBotFrames.groupMessage("我也来", from: 10002, atBot: true, selfID: Self.selfID, messageID: 4))
            #expect(try await peer.answerNext("send_msg").messageText.contains("答复"))
        }
        #expect(upstreams.requests(to: "chat").count == 3, "the refused message reached no model")
    }
}
