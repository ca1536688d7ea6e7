import Foundation
import OpenAIClient
import Testing
import VioCore
import VioCoreTesting
@testable import VioServerKit

/// The features as the chat model's tools: which are offered where, what running them does, and
/// providers that take no tools.
@Suite struct ChatToolsTests {
    typealias H = FeatureHarness

    /// A completion asking for one call of `name` with `arguments` (JSON text).
    static func call(_ name: String, arguments: String = "{}", id: String = "call_1") throws -> ScriptedTransport.Reply {
        let body: JSONValue = [
            "id": "chatcmpl-2", "object": "chat.completion", "created": 1, "model": "gpt-test",
            "choices": [[
                "index": 0, "finish_reason": "tool_calls",
                "message": ["role": "assistant", "content": .null, "tool_calls": [[
                    "id": .string(id), "type": "function", "function": ["name": .string(name), "arguments": .string(arguments)],
                ]]],
            ]],
        ]
        return .response(HTTPResponse(status: 200, headers: ["Content-Type": "application/json"], body: try JSONEncoder().encode(body)))
    }

    /// The names of the tools each model request offered.
    static func offered(_ harness: H) throws -> [[String]] {
        try harness.requestBodies().filter { $0["messages"] != nil }.map { body in
            (body["tools"]?.arrayValue ?? []).compactMap { $0["function"]?["name"]?.stringValue }
        }
    }

    /// The `tool` messages of the model request `index`, as (call id, content).
    static func toolResults(_ harness: H, request index: Int) throws -> [String] {
        let messages = try harness.requestBodies()[index]["messages"]?.arrayValue ?? []
        return messages.filter { $0["role"] == "tool" }.compactMap { $0["content"]?.stringValue }
    }

    @Test func everyFeatureOnInTheChatIsOfferedAndOneSwitchedOffIsNot() async throws {
        let harness = H(replies: [try H.completion("好"), try H.completion("好")])
        await harness.say("你好", in: H.group)
        await harness.say("/disable picture", in: H.group, from: H.admin, messageID: 2)
        await harness.say("你好", in: H.group, messageID: 3)
        #expect(try Self.offered(harness) == [
            ["current_time", "send_picture", "play_gun_sound", "latest_recalled_message"],
            ["current_time", "play_gun_sound", "latest_recalled_message"],
        ])
    }

    @Test func withToolsOffNoneIsOffered() async throws {
        var configuration = H.configuration()
        configuration.chatTools = false
        let harness = H(configuration: configuration, replies: [try H.completion("好")])
        await harness.say("你好")
        #expect(try harness.requestBodies().first?["tools"] == nil)
    }

    @Test func aPictureTheModelAsksForIsSentBeforeItsAnswer() async throws {
        let harness = H(replies: [
            try Self.call("send_picture", arguments: #"{"tags":["风景"],"r18":false}"#), PictureFeatureTests.found, try H.completion("给你一张风景图～"),
        ])
        await harness.say("来张风景图看看")

        let url = try #require(URL(string: PictureFeatureTests.pictureURL))
        #expect(harness.actions.actions == [
            .send(OutgoingMessage([.image(url: url)]), to: .private(42)),
            .send("给你一张风景图～", to: .private(42)),
        ])
        let pictureRequest = String(decoding: harness.transport.requests[1].body ?? Data(), as: UTF8.self)
        #expect(pictureRequest.contains(#""tag":["风景"]"#) && pictureRequest.contains(#""r18":0"#))
        #expect(try Self.toolResults(harness, request: 2) == ["已经把图发到聊天里了：《夏日》 作者：画师 pid：117000000"])
        #expect(await harness.storedTurns().map(\.content) == ["来张风景图看看", "给你一张风景图～"], "memory keeps the turn, not the calls")
    }

    @Test func r18IsRefusedToTheModelWhereTheChatHasNotTurnedItOn() async throws {
        let harness = H(replies: [try Self.call("send_picture", arguments: #"{"r18":true}"#), try H.completion("这里不能发 r18 哦")])
        await harness.say("来张 r18")
        #expect(harness.transport.requests.count == 2, "the picture API was not asked")
        #expect(try Self.toolResults(harness, request: 1) == [FeatureTexts.Tool.r18Off])
        #expect(harness.actions.sentTexts == ["这里不能发 r18 哦"])
    }

    @Test func theGunSoundIsPlayedAndTheClockTellsBeijingTime() async throws {
        let harness = H(replies: [
            try Self.call("play_gun_sound", arguments: #"{"gun":"莫辛","distance":"50m"}"#, id: "g"), try Self.call("current_time", id: "t"),
            try H.completion("砰！现在是晚上八点半。"),
        ])
        await harness.say("开一枪然后告诉我几点了", in: H.group)
        #expect(harness.actions.sentMessages.first?.parts.contains { if case .voice = $0 { true } else { false } } == true)
        #expect(try Self.toolResults(harness, request: 2) == [FeatureTexts.Tool.gunPlayed, FeatureTexts.Tool.now(H.start)])
        #expect(FeatureTexts.Tool.now(H.start).contains("20:30:05"), "Beijing time: \(FeatureTexts.Tool.now(H.start))")
        #expect(harness.actions.sentTexts.last == "砰！现在是晚上八点半。")
    }

    @Test func anUnknownGunComesBackToTheModelAndNothingIsPlayed() async throws {
        let harness = H(replies: [try Self.call("play_gun_sound", arguments: #"{"gun":"激光炮"}"#), try H.completion("没有这把枪")])
        await harness.say("用激光炮打一枪")
        #expect(try Self.toolResults(harness, request: 1).first?.contains("激光炮") == true)
        #expect(harness.actions.sentTexts == ["没有这把枪"])
    }

    @Test func aProviderRefusingToolsIsAskedWithoutThemFromThenOn() async throws {
        let harness = H(replies: [
            H.json(400, #"{"error":{"message":"This model does not support tools","type":"invalid_request_error","param":"tools"}}"#),
            try H.completion("你好"), try H.completion("还是我"),
        ])
        await harness.say("你好")
        await harness.say("在吗", messageID: 2)
        #expect(try Self.offered(harness) == [
            ["current_time", "send_picture", "play_gun_sound", "latest_recalled_message"], [], [],
        ])
        #expect(harness.actions.sentTexts == ["你好", "还是我"])
        #expect(harness.logger.text.contains("refused tools"))
    }
}
