import Foundation
import Testing
import VioCore
@testable import VioServerKit
import VioServerTesting

/// Per-chat feature switches through the scripted OneBot peer, on the real server and SQLite.
extension VioBotEndToEndTests {
    @Test func anAdminSwitchesThePictureOffInOneGroupAndItStaysOffAfterARestart() async throws {
        let directory = try TemporaryDirectory()
        let upstreams = FakeUpstreams()
        try await run(upstreams, in: directory.url) { peer in
            try await peer.send(OneBotFrames.groupMessage("/disable 来份涩图", role: "admin", atBot: true, selfID: Self.selfID, messageID: 1))
            #expect(try await peer.answerNext("send_msg").messageText == "好的，「涩图」在这里关闭了，发送 /enable picture 可以再开启。")
            try await peer.send(OneBotFrames.groupMessage("来份涩图", atBot: true, selfID: Self.selfID, messageID: 2))
            #expect(try await peer.answerNext("send_msg").messageText == "「涩图」在本群已关闭，群管理员可以发送 /enable picture 开启。")
            try await peer.send(OneBotFrames.groupMessage("来份涩图", group: 20003, atBot: true, selfID: Self.selfID, messageID: 3))
            #expect(try await peer.answerNext("send_group_forward_msg").params["group_id"]?.int64Value == 20003, "other groups keep it")
        }
        try await run(upstreams, in: directory.url) { peer in
            try await peer.send(OneBotFrames.groupMessage("/pic", atBot: true, selfID: Self.selfID, messageID: 4))
            #expect(try await peer.answerNext("send_msg").messageText.contains("已关闭"), "the switch survived the restart")
            try await peer.send(OneBotFrames.groupMessage("/features", atBot: true, selfID: Self.selfID, messageID: 5))
            let listing = try await peer.answerNext("send_msg").messageText
            #expect(listing.contains("⛔ picture（涩图）"))
            #expect(listing.contains("✅ gun（枪声）"))
        }
        #expect(upstreams.requests(to: "pictures").count == 1, "only the other group's picture reached the picture API")
    }

    @Test func welcomeOffInAGroupWelcomesNobodyThereAndStillDoesElsewhere() async throws {
        let directory = try TemporaryDirectory()
        try await run(FakeUpstreams(), in: directory.url) { server, peer in
            let handled = server.server.metrics.handledEvents
            try await peer.send(OneBotFrames.groupMessage("/disable welcome", role: "owner", atBot: true, selfID: Self.selfID, messageID: 1))
            #expect(try await peer.answerNext("send_msg").messageText.contains("「进群欢迎」在这里关闭了"))
            await handled.untilCount(atLeast: 1)
            try await peer.send(OneBotFrames.memberJoined(group: 20002, selfID: Self.selfID))
            // Handled, and nothing sent: the next action the peer sees is the other group's welcome.
            await handled.untilCount(atLeast: 2)
            try await peer.send(OneBotFrames.memberJoined(group: 20003, selfID: Self.selfID))
            let welcome = try await peer.answerNext("send_msg")
            #expect(welcome.params["group_id"]?.int64Value == 20003)
            #expect(welcome.segmentTypes.contains("at"))
        }
    }

    @Test func aPlainMemberCannotSwitchAGroupsFeatures() async throws {
        let directory = try TemporaryDirectory()
        let upstreams = FakeUpstreams()
        try await run(upstreams, in: directory.url) { peer in
            try await peer.send(OneBotFrames.groupMessage("关闭功能 picture", role: "member", atBot: true, selfID: Self.selfID, messageID: 1))
            #expect(try await peer.answerNext("send_msg").messageText == "你没有权限使用这个指令。")
            try await peer.send(OneBotFrames.groupMessage("来份涩图", atBot: true, selfID: Self.selfID, messageID: 2))
            try await peer.answerNext("send_group_forward_msg")
        }
        #expect(upstreams.requests(to: "pictures").count == 1)
    }
}
