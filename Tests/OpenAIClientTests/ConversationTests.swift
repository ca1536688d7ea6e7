import Foundation
import OpenAIClient
import Testing
import VioCore

@Suite struct ConversationTests {
    private func turns(_ count: Int, text: String = "message") -> [ConversationTurn] {
        (0..<count).map { ConversationTurn(role: $0.isMultiple(of: 2) ? .user : .assistant, content: "\(text) \($0)") }
    }

    @Test func systemPromptHistoryThenNewMessage() {
        let conversation = Conversation(systemPrompt: "Be kind.", limit: HistoryLimit(maxTurns: 10))
        let messages = conversation.messages(history: turns(2), newMessage: "hello")
        #expect(messages == [.system("Be kind."), .user("message 0"), .assistant("message 1"), .user("hello")])
    }

    @Test func keepsOnlyTheLastNTurns() {
        let conversation = Conversation(systemPrompt: "S", limit: HistoryLimit(maxTurns: 3))
        let messages = conversation.messages(history: turns(10), newMessage: "new")
        #expect(messages.map(\.text) == ["S", "message 7", "message 8", "message 9", "new"])
    }

    @Test func tokenBudgetCountsSystemPromptAndNewMessageAndDropsOldestTurns() {
        // Each turn "消息消息 n" costs 4 CJK + 1 (" n", 2 other characters) + 4 framing = 9 tokens.
        let history = turns(6, text: "消息消息")
        #expect(history.allSatisfy { TokenEstimate.tokens(in: $0) == 9 })
        let system = "你是机器人"   // 5 + 4 = 9 tokens
        let new = "你好"             // 2 + 4 = 6 tokens
        let conversation = Conversation(systemPrompt: system, limit: HistoryLimit(maxTurns: 100, tokenBudget: 9 + 6 + 9 * 2 + 8))
        let messages = conversation.messages(history: history, newMessage: new)
        #expect(messages.map(\.text) == [system, "消息消息 4", "消息消息 5", new])
    }

    @Test func systemPromptAndNewMessageSurviveATinyBudget() {
        let conversation = Conversation(systemPrompt: "A long system prompt here", limit: HistoryLimit(maxTurns: 10, tokenBudget: 1))
        #expect(conversation.messages(history: turns(4), newMessage: "hi") == [.system("A long system prompt here"), .user("hi")])
    }

    @Test func presetGivesSystemPromptAndTemperature() {
        let request = Conversation(preset: .roast).request(model: "deepseek-chat", history: [], newMessage: "锐评一下我的代码")
        #expect(request.model == "deepseek-chat")
        #expect(request.temperature == PromptPreset.roast.temperature)
        #expect(request.messages.first == .system(PromptPreset.roast.systemPrompt))
        #expect(request.messages.last == .user("锐评一下我的代码"))
    }

    @Test func storedSystemTurnsStaySystemMessages() {
        let message = ChatMessage(turn: ConversationTurn(role: .system, content: "earlier rules"))
        #expect(message == .system("earlier rules"))
    }
}
