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
        var fixedCost = TokenEstimate.tokens(in: newMessage.text) + TokenEstimate.perMessageOverhead
        if let systemPrompt { fixedCost += TokenEstimate.tokens(in: systemPrompt) + TokenEstimate.perMessageOverhead }
        var historyLimit = limit
        historyLimit.tokenBudget = limit.tokenBudget.map { max($0 - fixedCost, 0) }

        var messages: [ChatMessage] = []
        if let systemPrompt { messages.append(.system(systemPrompt)) }
        messages += historyLimit.apply(to: history).map(ChatMessage.init(turn:))
        messages.append(.user(newMessage))
        return messages
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
