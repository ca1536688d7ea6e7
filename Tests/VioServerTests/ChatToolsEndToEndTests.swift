import Foundation
import Testing
import VioCore
@testable import VioServerKit
import VioServerTesting

/// The features as the model's tools, through the scripted OneBot peer and the fake model.
extension VioBotEndToEndTests {
    @Test func aPictureTheModelAsksForGoesToTheGroupBeforeItsAnswer() async throws {
        let directory = try TemporaryDirectory()
        let upstreams = FakeUpstreams()
        upstreams.answerNextWithToolCalls([(name: "send_picture", arguments: #"{"tags":["海"]}"#)])
        try await run(upstreams, in: directory.url) { peer in
            try await peer.send(OneBotFrames.groupMessage("来张海的图", atBot: true, selfID: Self.selfID, messageID: 1))
            let bundle = try await peer.answerNext("send_group_forward_msg")
            #expect(bundle.params["group_id"]?.int64Value == 20002)
            // system, user, the call and its result: four messages.
            #expect(try await peer.answerNext("send_msg").messageText.hasSuffix("答复4"))
        }
        #expect(upstreams.requests(to: "pictures").first?["tag"] == ["海"])
        let result = upstreams.requests(to: "chat").last?["messages"]?.arrayValue?.last
        #expect(result?["role"] == "tool" && result?["tool_call_id"] == "call_1")
    }

    @Test func aFeatureSwitchedOffInTheGroupIsNotOfferedToTheModel() async throws {
        let directory = try TemporaryDirectory()
        let upstreams = FakeUpstreams()
        try await run(upstreams, in: directory.url) { peer in
            try await peer.send(OneBotFrames.groupMessage("/disable gun", role: "admin", atBot: true, selfID: Self.selfID, messageID: 1))
            try await peer.answerNext("send_msg")
            try await peer.send(OneBotFrames.groupMessage("你好", atBot: true, selfID: Self.selfID, messageID: 2))
            try await peer.answerNext("send_msg")
            try await peer.send(OneBotFrames.privateMessage("你好", selfID: Self.selfID, messageID: 3))
            try await peer.answerNext("send_msg")
        }
        let offered = upstreams.requests(to: "chat").map { body in
            (body["tools"]?.arrayValue ?? []).compactMap { $0["function"]?["name"]?.stringValue }
        }
        #expect(offered == [
            ["current_time", "send_picture", "latest_recalled_message"],
            ["current_time", "send_picture", "play_gun_sound", "latest_recalled_message"],
        ], "off in the group, still on in the private chat")
    }
}
