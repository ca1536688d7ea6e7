/// Who wrote a chat message. Unknown roles a provider invents decode as they are.
///
/// ```swift
/// let message = ChatMessage(role: .developer, content: "Answer in French.")
/// ```
public struct ChatRole: ExtensibleStringValue {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public static let system: ChatRole = "system"
    /// The newer name of `system` for OpenAI's reasoning models.
    public static let developer: ChatRole = "developer"
    public static let user: ChatRole = "user"
    public static let assistant: ChatRole = "assistant"
    /// The result of a tool call, answering the assistant's `tool_calls`.
    public static let tool: ChatRole = "tool"
}
