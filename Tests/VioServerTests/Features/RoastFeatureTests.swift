import Foundation
import OpenAIClient
import Testing
import VioCore
import VioCoreTesting
@testable import VioServerKit

@Suite struct RoastFeatureTests {
    typealias H = FeatureHarness

    private static func body(_ text: String, model: String = "gpt-test") -> JSONValue {
        [
            "model": .string(model), "temperature": 1,
            "messages": [["role": "system", "content": .string(PromptPreset.roast.systemPrompt)], ["role": "user", "content": .string(text)]],
        ]
    }

    @Test func roastReviewsTheGivenTextWithTheReviewerPersonaAndNoMemory() async throws {
        let harness = H(replies: [try H.completion("一句话：平庸。"), try H.completion("还是平庸。")])
        await harness.say("锐评一下 我的第一首诗")
        await harness.say("/roast 我的第一首诗")

        #expect(harness.actions.sentTexts == ["一句话：平庸。", "还是平庸。"])
        #expect(try harness.requestBodies() == [Self.body("我的第一首诗"), Self.body("我的第一首诗")])
        #expect(harness.transport.requests.first?.url.absoluteString == "http://127.0.0.1:9/v1/chat/completions")
        #expect(await harness.storedTurns().isEmpty)
    }

    @Test func roastUsesDeepSeekWhenItsKeyIsSet() async throws {
        var configuration = H.configuration()
        configuration.roast = .init(apiKey: "ds-key-0123456789", baseURL: ServerConfiguration.Defaults.deepSeek, model: "deepseek-chat")
        let harness = H(configuration: configuration, replies: [try H.completion("犀利")])
        await harness.say("锐评一下 代码")

        let request = try #require(harness.transport.requests.first)
        #expect(request.url.absoluteString == "https://api.deepseek.com/chat/completions")
        #expect(request.headers["Authorization"] == "Bearer ds-key-0123456789")
        #expect(try harness.requestBodies() == [Self.body("代码", model: "deepseek-chat")])
    }

    @Test func roastReviewsTheRepliedToMessage() async throws {
        let harness = H(replies: [try H.completion("毒舌点评")])
        harness.actions.remember(InboundMessage(
            platform: .onebot, botID: 1, chat: H.group, sender: Sender(id: 50, displayName: "小红"), messageID: 900,
            text: "PHP 是最好的语言", isAddressedToBot: false))
        await harness.say("锐评一下", in: H.group, messageID: 901, parts: [.reply(to: 900), .text("锐评一下")])

        #expect(harness.actions.actions.first == .fetchMessage(id: 900, chat: H.group))
        #expect(try harness.requestBodies() == [Self.body("PHP 是最好的语言")])
        #expect(harness.actions.sentMessages.last == OutgoingMessage([.reply(to: 901), .text("毒舌点评")]))
    }

    @Test func aRepliedToMessageThatCannotBeFoundOrHasNoTextIsExplained() async {
        let harness = H()
        harness.actions.remember(InboundMessage(
            platform: .onebot, botID: 1, chat: H.group, sender: Sender(id: 50, displayName: "小红"), messageID: 900,
            text: "", parts: [.image(url: nil)], isAddressedToBot: false))
        await harness.say("锐评一下", in: H.group, parts: [.reply(to: 404), .text("锐评一下")])
        await harness.say("锐评一下", in: H.group, parts: [.reply(to: 900), .text("锐评一下")])

        #expect(harness.actions.sentTexts == [FeatureTexts.Roast.quotedMessageMissing, FeatureTexts.Roast.quotedMessageEmpty])
        #expect(harness.transport.requests.isEmpty)
    }

    @Test func roastWithNothingToReviewSaysHowToUseIt() async {
        let harness = H()
        await harness.say("锐评一下")
        #expect(harness.actions.sentTexts == [FeatureTexts.Roast.usage])
        #expect(harness.transport.requests.isEmpty)
    }

    @Test func roastWithoutAnyModelSaysItIsNotSetUp() async {
        let harness = H(configuration: H.configuration(chat: false))
        await harness.say("锐评一下 随便")
        #expect(harness.actions.sentTexts == [FeatureTexts.Roast.notConfigured])
        #expect(harness.transport.requests.isEmpty)
    }

    @Test func aFailingRoastModelGetsAShortReply() async {
        let harness = H(replies: [H.json(500, "oops")])
        await harness.say("锐评一下 随便")
        #expect(harness.actions.sentTexts == [FeatureTexts.Model.unavailable])
    }
}
