import Foundation
import OpenAIClient
import Testing
import VioCore
@testable import VioServerKit
import VioServerTesting

/// A persona set in a Telegram chat, against the fake Bot API and the fake model.
extension TelegramGroupEndToEndTests {
    @Test func aPrivateChatSetsItsPersonaAndTheModelGetsExactlyThatPrompt() async throws {
        let directory = try TemporaryDirectory()
        let api = FakeBotAPI()
        let upstreams = FakeUpstreams()
        try await run(api, upstreams: upstreams, in: directory.url) {
            api.queue([T.message(1, id: 60, chat: T.privateChat, from: 42, text: "/persona translator", command: 8)])
            // Private replies do not quote, so they are told apart by their order.
            #expect(await api.waitForCall("sendMessage", ordinal: 1).params["text"]?.stringValue == "好的，这里的人格换成了「translator（翻译）」。之前的对话不再带上，从现在开始新的对话。")
            api.queue([T.message(2, id: 61, chat: T.privateChat, from: 42, text: "早上好")])
            await T.answer("答复2", from: api)
        }
        let request = try #require(upstreams.requests(to: "chat").first)
        #expect(request["messages"] == [
            ["role": "system", "content": .string(PromptPreset.translator.systemPrompt)], ["role": "user", "content": "早上好"],
        ])
    }
}
