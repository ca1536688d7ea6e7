import Foundation
import OpenAIClient
import Testing
import VioCore
import VioCoreTesting
@testable import VioServerKit

@Suite struct ChatFeatureTests {
    typealias H = FeatureHarness

    /// A chat request as QQ's answers send it: streamed, so a long answer goes out in parts.
    private static func body(_ messages: [JSONValue], temperature: JSONValue = 0.8) -> JSONValue {
        ["model": "gpt-test", "messages": .array(messages), "temperature": temperature, "stream": true]
    }

    private static let persona: JSONValue = ["role": "system", "content": .string(PromptPreset.vio.systemPrompt)]

    @Test func chatSendsThePersonaAndTheTextAndRepliesWithTheAnswer() async throws {
        let harness = H(replies: [try H.completion("  你好呀！ ")])
        await harness.say("/chat 你好")

        #expect(harness.actions.sentTexts == ["你好呀！"])
        let request = try #require(harness.transport.requests.first)
        #expect(request.method == "POST")
        #expect(request.url.absoluteString == "http://127.0.0.1:9/v1/chat/completions")
        #expect(request.headers["Authorization"] == "Bearer \(H.chatKey)")
        #expect(try harness.requestBodies(ignoring: ["tools"]) == [Self.body([Self.persona, ["role": "user", "content": "你好"]])])
    }

    @Test func anyTextThatIsNoCommandGoesToChatWithTheEarlierTurns() async throws {
        let harness = H(replies: [try H.completion("我是 Vio。"), try H.completion("你刚问我是谁。")])
        await harness.say("你是谁")
        await harness.say("我刚才问了什么")

        #expect(harness.actions.sentTexts == ["我是 Vio。", "你刚问我是谁。"])
        let second = try #require(try harness.requestBodies(ignoring: ["tools"]).last)
        #expect(second == Self.body([
            Self.persona,
            ["role": "user", "content": "你是谁"], ["role": "assistant", "content": "我是 Vio。"],
            ["role": "user", "content": "我刚才问了什么"],
        ]))
        let stored = await harness.storedTurns()
        #expect(stored.map(\.content) == ["你是谁", "我是 Vio。", "我刚才问了什么", "你刚问我是谁。"])
        #expect(stored.allSatisfy { $0.date == H.start })
    }

    @Test func groupsKeepOneConversationPerUser() async throws {
        let harness = H(replies: [try H.completion("一"), try H.completion("二")])
        await harness.say("记住 1", in: H.group, from: H.member)
        await harness.say("我说了什么", in: H.group, from: H.admin, messageID: 2)

        let second = try #require(try harness.requestBodies(ignoring: ["tools"]).last)
        #expect(second == Self.body([Self.persona, ["role": "user", "content": "我说了什么"]]))
        #expect(harness.actions.sentMessages.last == OutgoingMessage([.reply(to: 2), .text("二")]))
    }

    @Test func unaddressedGroupMessagesAreNotSentToTheModel() async {
        let harness = H()
        await harness.say("大家好", in: H.group, addressed: false)
        #expect(harness.transport.requests.isEmpty)
        #expect(harness.actions.actions.isEmpty)
    }

    @Test func withoutSummariesHistoryIsTrimmedToTheLastTwentyTurns() async throws {
        var configuration = H.configuration()
        configuration.memorySummary = false
        let harness = H(configuration: configuration, replies: [try H.completion("好")])
        let key = ConversationKey(platform: .onebot, chat: .private(42), user: 42)
        let old = (1...30).map { ConversationTurn(role: $0 % 2 == 1 ? .user : .assistant, content: "第\($0)句", date: H.start) }
        await harness.conversations.append(old, to: key)
        await harness.say("继续")

        let messages = try #require(try harness.requestBodies(ignoring: ["tools"]).first?["messages"]?.arrayValue)
        #expect(messages.count == 22)
        #expect(messages[1]["content"] == "第11句")
        #expect(messages[20]["content"] == "第30句")
    }

    @Test func resetForgetsTheConversationAndSaysSo() async throws {
        let harness = H(replies: [try H.completion("记住了"), try H.completion("新的开始")])
        await harness.say("/chat 我叫小明")
        await harness.say("/reset")
        await harness.say("重置对话")
        await harness.say("我叫什么")

        #expect(harness.actions.sentTexts == ["记住了", FeatureTexts.Chat.reset, FeatureTexts.Chat.reset, "新的开始"])
        #expect(try harness.requestBodies(ignoring: ["tools"]).last == Self.body([Self.persona, ["role": "user", "content": "我叫什么"]]))
    }

    @Test func withoutAKeyTheBotSaysChatIsNotSetUp() async {
        let harness = H(configuration: H.configuration(chat: false))
        await harness.say("/chat 你好")
        await harness.say("你好")
        #expect(harness.actions.sentTexts == [FeatureTexts.Chat.notConfigured, FeatureTexts.Chat.notConfigured])
        #expect(harness.transport.requests.isEmpty)
    }

    @Test func anEmptyChatAsksWhatToTalkAbout() async {
        let harness = H()
        await harness.say("/chat")
        await harness.say("", in: H.group, parts: [.image(url: nil)])
        #expect(harness.actions.sentTexts == [FeatureTexts.Chat.empty, FeatureTexts.Chat.picturesNotRead])
        #expect(harness.transport.requests.isEmpty)
    }

    @Test(arguments: [
        (FeatureHarness.json(429, #"{"error":{"message":"slow down"}}"#), FeatureTexts.Model.busy),
        (FeatureHarness.json(503, "<html>bad gateway</html>"), FeatureTexts.Model.unavailable),
        (FeatureHarness.json(401, #"{"error":{"message":"bad key sk-test-secret-0123456789"}}"#), FeatureTexts.Model.failed),
        (ScriptedTransport.Reply.failure(.timedOut(host: "127.0.0.1", after: .seconds(60))), FeatureTexts.Model.timedOut),
        (ScriptedTransport.Reply.failure(.connectionFailed(host: "127.0.0.1", reason: "refused")), FeatureTexts.Model.failed),
    ])
    func upstreamFailuresGetAShortReplyAndTheDetailGoesToTheLogWithoutTheKey(reply: ScriptedTransport.Reply, expected: String) async throws {
        let harness = H(replies: [reply])
        await harness.say("你好")

        #expect(harness.actions.sentTexts == [expected])
        #expect(harness.transport.requests.count == 1)
        #expect(harness.logger.text.contains("the model call failed"))
        #expect(!harness.logger.text.contains(H.chatKey))
        let stored = await harness.storedTurns()
        #expect(stored.isEmpty)
    }

    @Test func anEmptyAnswerIsNotStored() async throws {
        let harness = H(replies: [try H.completion("   ")])
        await harness.say("你好")
        #expect(harness.actions.sentTexts == [FeatureTexts.Model.emptyAnswer])
        let stored = await harness.storedTurns()
        #expect(stored.isEmpty)
    }

    @Test func theConfiguredPersonaIsTheSystemMessage() async throws {
        var configuration = H.configuration()
        configuration.persona = "Translator"
        let harness = H(configuration: configuration, replies: [try H.completion("Hello")])
        await harness.say("你好")
        #expect(try harness.requestBodies(ignoring: ["tools"]) == [Self.body([
            ["role": "system", "content": .string(PromptPreset.translator.systemPrompt)], ["role": "user", "content": "你好"],
        ], temperature: 0.3)])
    }

    @Test func anUnknownPersonaFallsBackToVioAndIsLogged() async throws {
        var configuration = H.configuration()
        configuration.persona = "pirate"
        let harness = H(configuration: configuration, replies: [try H.completion("好")])
        await harness.say("你好")
        #expect(try harness.requestBodies(ignoring: ["tools"]) == [Self.body([Self.persona, ["role": "user", "content": "你好"]])])
        #expect(harness.logger.text.contains("VIO_PERSONA=pirate"))
    }
}
