import Foundation
import OpenAIClient
import Testing
import VioCore
import VioCoreTesting
@testable import VioServerKit

/// `/persona` and `/model`: per chat, set by admins in groups and by anyone in private, kept in the records store.
@Suite struct ChatPersonaAndModelTests {
    typealias H = FeatureHarness

    private static let storyteller = PromptPreset(id: "讲故事的人", title: "讲故事的人", systemPrompt: "我想让你扮演讲故事的人。")

    /// Two models, the prompts file's preset and the built-ins.
    private static func configuration() -> ServerConfiguration {
        var configuration = H.configuration()
        configuration.models = ["gpt-test", "deepseek-chat"]
        configuration.prompts.add(contentsOf: [storyteller])
        return configuration
    }

    /// The system message and model of each request the model got.
    private static func sent(_ harness: FeatureHarness) throws -> [(system: String?, model: String?)] {
        try harness.requestBodies().map { body in
            let first = body["messages"]?.arrayValue?.first
            return (first?["role"] == "system" ? first?["content"]?.stringValue : nil, body["model"]?.stringValue)
        }
    }

    @Test func personaListsEveryPresetAndTheOneInUse() async {
        let harness = H(configuration: Self.configuration())
        await harness.say("/persona")
        await harness.say("人格", in: H.group, messageID: 2)

        let listing = "这里的人格：vio（Vio）\n可选：vio（Vio）、roast（锐评）、translator（翻译）、programmer（编程助手）、讲故事的人\n用「/persona 名称」切换，「/persona reset」恢复默认。"
        #expect(harness.actions.sentTexts == [listing, listing])
    }

    @Test func anAdminSetsTheGroupsPersonaAndEveryLaterRequestThereCarriesExactlyItsPrompt() async throws {
        let harness = H(configuration: Self.configuration(), replies: [try H.completion("旧"), try H.completion("从前有座山"), try H.completion("山里有座庙"), try H.completion("你好呀")])
        await harness.say("记住我", in: H.group, from: H.member)
        await harness.say("/persona 讲故事的人", in: H.group, from: H.admin, messageID: 2)
        await harness.say("讲个故事", in: H.group, from: H.member, messageID: 3)
        await harness.say("然后呢", in: H.group, from: H.admin, messageID: 4)

        #expect(harness.actions.sentTexts[1] == "好的，这里的人格换成了「讲故事的人」。之前的对话不再带上，从现在开始新的对话。")
        let requests = try Self.sent(harness)
        #expect(requests.map(\.system) == [PromptPreset.vio.systemPrompt, Self.storyteller.systemPrompt, Self.storyteller.systemPrompt])
        // The member's conversation starts afresh: 记住我 and its answer are not sent with the new persona.
        let afterSwitch = try #require(try harness.requestBodies().dropFirst().first?["messages"]?.arrayValue)
        #expect(afterSwitch.count == 2)
        // Other chats keep the default.
        await harness.say("你好", in: .group(6000), from: H.member, messageID: 5)
        let all = try Self.sent(harness)
        #expect(all.count == 4)
        #expect(all.last?.system == PromptPreset.vio.systemPrompt)
    }

    @Test func aMemberCannotSwitchTheGroupsPersonaOrModelAndNothingChanges() async throws {
        let harness = H(configuration: Self.configuration(), replies: [try H.completion("好")])
        await harness.say("/persona translator", in: H.group, from: H.member)
        await harness.say("/model deepseek-chat", in: H.group, from: H.member, messageID: 2)
        await harness.say("你好", in: H.group, from: H.member, messageID: 3)

        #expect(harness.actions.sentTexts.prefix(2) == ["群里只有管理员可以换人格和模型。", "群里只有管理员可以换人格和模型。"])
        let requests = try Self.sent(harness)
        #expect(requests.map(\.system) == [PromptPreset.vio.systemPrompt])
        #expect(requests.map(\.model) == ["gpt-test"])
        #expect(await harness.records.keys(in: ChatSetups.namespace).isEmpty)
    }

    @Test func inAPrivateChatTheUserSwitchesAndResetGoesBackToTheServersPersona() async throws {
        let harness = H(configuration: Self.configuration(), replies: [try H.completion("Hello"), try H.completion("你好")])
        await harness.say("/persona 翻译")
        await harness.say("你好")
        await harness.say("/persona reset")
        await harness.say("你好")

        #expect(harness.actions.sentTexts[0] == "好的，这里的人格换成了「translator（翻译）」。之前的对话不再带上，从现在开始新的对话。")
        #expect(harness.actions.sentTexts[2] == "人格已恢复默认「vio（Vio）」。之前的对话不再带上，从现在开始新的对话。")
        #expect(try Self.sent(harness).map(\.system) == [PromptPreset.translator.systemPrompt, PromptPreset.vio.systemPrompt])
        let afterReset = try #require(try harness.requestBodies().last?["messages"]?.arrayValue)
        #expect(afterReset.count == 2)
    }

    @Test func anUnknownPersonaAnswersWithTheList() async throws {
        let harness = H(configuration: Self.configuration())
        await harness.say("/persona 海盗", in: H.group, from: H.member)

        let reply = try #require(harness.actions.sentTexts.first)
        #expect(reply.hasPrefix("没有叫「海盗」的人格。\n这里的人格：vio（Vio）\n可选："))
        #expect(await harness.records.keys(in: ChatSetups.namespace).isEmpty)
    }

    @Test func theChoiceIsKeptAsOneRecordPerChat() async throws {
        let first = H(configuration: Self.configuration())
        await first.say("/persona programmer")
        let stored = try #require(try await first.records.get(ChatSetup.self, for: "onebot/private/42", in: ChatSetups.namespace))
        #expect(stored == ChatSetup(persona: "programmer", model: nil, era: 1))
    }

    @Test func roastKeepsItsOwnPersonaWhateverTheChatsPersona() async throws {
        let harness = H(configuration: Self.configuration(), replies: [try H.completion("平庸")])
        await harness.say("/persona 讲故事的人")
        await harness.say("锐评一下 我的诗")

        #expect(try Self.sent(harness).map(\.system) == [PromptPreset.roast.systemPrompt])
    }

    @Test func modelListsTheModelsAndSetsOnlyOneOfThem() async throws {
        let harness = H(configuration: Self.configuration(), replies: [try H.completion("好"), try H.completion("好")])
        await harness.say("/model", in: H.group, from: H.member)
        await harness.say("/model gpt-5", in: H.group, from: H.admin, messageID: 2)
        await harness.say("模型 deepseek-chat", in: H.group, from: H.admin, messageID: 3)
        await harness.say("你好", in: H.group, from: H.member, messageID: 4)
        await harness.say("你好", in: .group(6000), from: H.member, messageID: 5)

        let listing = "这里用的模型：gpt-test\n可选：gpt-test、deepseek-chat\n用「/model 名称」切换。"
        #expect(Array(harness.actions.sentTexts.prefix(3)) == [
            listing, "不能用「gpt-5」。\n" + listing, "好的，这里换成了模型 deepseek-chat。",
        ])
        #expect(try Self.sent(harness).map(\.model) == ["deepseek-chat", "gpt-test"])
        #expect(harness.transport.requests.allSatisfy { $0.url.absoluteString == "http://127.0.0.1:9/v1/chat/completions" })
    }

    @Test func withoutVioModelsTheChatModelIsTheOnlyChoice() async {
        let harness = H()
        await harness.say("/model")
        await harness.say("/model deepseek-chat")
        #expect(harness.actions.sentTexts == [
            "这里用的模型：gpt-test\n可选：gpt-test\n用「/model 名称」切换。",
            "不能用「deepseek-chat」。\n这里用的模型：gpt-test\n可选：gpt-test\n用「/model 名称」切换。",
        ])
    }

    @Test func modelSaysChatIsNotConfiguredWithoutAKey() async {
        let harness = H(configuration: H.configuration(chat: false))
        await harness.say("/model")
        #expect(harness.actions.sentTexts == [FeatureTexts.Chat.notConfigured])
    }
}
