import VioCore

/// Builds the messages of one request from a system prompt, the stored history and the new user
/// message, trimmed to fit.
///
/// History is trimmed with VioCore's ``HistoryLimit``: at most `maxTurns` of the newest turns, and
/// when a token budget is set, only as many of those as fit in what the budget leaves after the
/// system prompt and the new message. Tokens are estimated with ``TokenEstimate``: a CJK character
/// counts as one token, four other characters as one, plus four per message; good enough to stay
/// under a context window, not for billing. The system prompt and the new message are always sent.
///
/// ```swift
/// let conversation = Conversation(preset: .vio, limit: HistoryLimit(maxTurns: 20, tokenBudget: 3000))
/// let history = try await store.history(of: key, limit: conversation.limit)
/// let request = conversation.request(model: "deepseek-chat", history: history, newMessage: text)
/// ```
public struct Conversation: Hashable, Sendable {
    public var systemPrompt: String?
    /// A note of what fell out of the history, sent as a second system message after the prompt.
    public var summary: String?
    public var temperature: Double?
    public var limit: HistoryLimit

    public init(systemPrompt: String? = nil, temperature: Double? = nil,
                limit: HistoryLimit = HistoryLimit(maxTurns: 20, tokenBudget: 3000)) {
        self.systemPrompt = systemPrompt
        self.temperature = temperature
        self.limit = limit
    }

    /// A conversation with the preset's system prompt and temperature.
    public init(preset: PromptPreset, limit: HistoryLimit = HistoryLimit(maxTurns: 20, tokenBudget: 3000)) {
        self.init(systemPrompt: preset.systemPrompt, temperature: preset.temperature, limit: limit)
    }

    /// System prompt, the newest history that fits, then the new message.
    public func messages(history: [ConversationTurn], newMessage: String) -> [ChatMessage] {
        messages(history: history, newMessage: .text(newMessage))
    }

    /// System prompt, the newest history that fits, then the new message, which may hold images
    /// beside its text (only its text counts against the token budget).
    ///
    /// ```swift
    /// let messages = conversation.messages(history: history, newMessage: .parts([.text("这是什么？"), .imageURL(dataURL)]))
    /// ```
    public func messages(history: [ConversationTurn], newMessage: MessageContent) -> [ChatMessage] {
        var messages: [ChatMessage] = []
        if let systemPrompt { messages.append(.system(systemPrompt)) }
        if let summary { messages.append(.system(summary)) }
        messages += fitting(history, newMessage: newMessage).kept.map(ChatMessage.init(turn:))
        messages.append(.user(newMessage))
        return messages
    }

    /// The turns of `history` that go with `newMessage` (the newest that fit the limit, after the
    /// system messages and the new message) and those that fall out, oldest first: what a memory
    /// that summarises folds into ``summary``.
    ///
    /// ```swift
    /// let (kept, dropped) = conversation.fitting(history, newMessage: .text(text))
    /// ```
    public func fitting(_ history: [ConversationTurn], newMessage: MessageContent) -> (kept: [ConversationTurn], dropped: [ConversationTurn]) {
        var fixedCost = TokenEstimate.tokens(in: newMessage.text) + TokenEstimate.perMessageOverhead
        for system in [systemPrompt, summary].compactMap(\.self) {
            fixedCost += TokenEstimate.tokens(in: system) + TokenEstimate.perMessageOverhead
        }
        var historyLimit = limit
        historyLimit.tokenBudget = limit.tokenBudget.map { max($0 - fixedCost, 0) }
        let kept = historyLimit.apply(to: history)
        return (kept, Array(history.dropLast(kept.count)))
    }

    /// A request for `model` with ``messages(history:newMessage:)`` and the conversation's temperature.
    public func request(model: String, history: [ConversationTurn], newMessage: String) -> ChatRequest {
        ChatRequest(model: model, messages: messages(history: history, newMessage: newMessage), temperature: temperature)
    }
}

extension ChatMessage {
    /// The message of a stored conversation turn.
    public init(turn: ConversationTurn) {
        let role: ChatRole = switch turn.role {
        case .system: .system
        case .user: .user
        case .assistant: .assistant
        }
        self.init(role: role, content: .text(turn.content))
    }
}
