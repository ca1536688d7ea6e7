/// One message of a chat: what you send, and what the model answers.
///
/// ```swift
/// let messages: [ChatMessage] = [.system("You are terse."), .user("Hi!")]
/// let answer = try await client.chat(ChatRequest(model: "gpt-4o-mini", messages: messages))
/// print(answer.choices.first?.message.text ?? "")
/// ```
///
/// `reasoningContent` is read from answers but never sent back: DeepSeek rejects requests whose
/// messages carry it, so an answer can be appended to the history as it is.
public struct ChatMessage: Hashable, Sendable, Codable {
    public var role: ChatRole
    public var content: MessageContent?
    /// An optional name of the author, to tell participants of the same role apart.
    public var name: String?
    /// The calls an assistant message asks for.
    public var toolCalls: [ToolCall]?
    /// In a `.tool` message: the call it answers.
    public var toolCallID: String?
    /// In an answer: why the model declined, instead of `content`.
    public var refusal: String?
    /// In an answer from a reasoning model (DeepSeek-R1, Qwen, …): its reasoning before the answer.
    public var reasoningContent: String?

    public init(role: ChatRole, content: MessageContent?, name: String? = nil, toolCalls: [ToolCall]? = nil,
                toolCallID: String? = nil, refusal: String? = nil, reasoningContent: String? = nil) {
        self.role = role
        self.content = content
        self.name = name
        self.toolCalls = toolCalls
        self.toolCallID = toolCallID
        self.refusal = refusal
        self.reasoningContent = reasoningContent
    }

    /// The text of the content, or `nil` when there is none (a refusal or tool calls only).
    public var text: String? { content?.text }

    public static func system(_ text: String) -> ChatMessage {
        ChatMessage(role: .system, content: .text(text))
    }

    public static func developer(_ text: String) -> ChatMessage {
        ChatMessage(role: .developer, content: .text(text))
    }

    public static func user(_ content: MessageContent, name: String? = nil) -> ChatMessage {
        ChatMessage(role: .user, content: content, name: name)
    }

    public static func assistant(_ text: String?, toolCalls: [ToolCall]? = nil) -> ChatMessage {
        ChatMessage(role: .assistant, content: text.map(MessageContent.text), toolCalls: toolCalls)
    }

    /// The result of the tool call `callID`.
    public static func tool(_ result: String, callID: String) -> ChatMessage {
        ChatMessage(role: .tool, content: .text(result), toolCallID: callID)
    }

    private enum CodingKeys: String, CodingKey {
        case role, content, name, refusal
        case toolCalls = "tool_calls"
        case toolCallID = "tool_call_id"
        case reasoningContent = "reasoning_content"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(role, forKey: .role)
        try container.encodeIfPresent(content, forKey: .content)
        try container.encodeIfPresent(name, forKey: .name)
        try container.encodeIfPresent(toolCalls, forKey: .toolCalls)
        try container.encodeIfPresent(toolCallID, forKey: .toolCallID)
        try container.encodeIfPresent(refusal, forKey: .refusal)
    }
}
