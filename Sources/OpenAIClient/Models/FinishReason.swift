/// Why the model stopped. Providers add their own reasons (DeepSeek's
/// `insufficient_system_resource`), which decode as they are.
///
/// ```swift
/// if completion.choices.first?.finishReason == .length { print("answer was cut off") }
/// ```
public struct FinishReason: ExtensibleStringValue {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// A natural end or a stop sequence.
    public static let stop: FinishReason = "stop"
    /// `max_tokens` or the context window was reached.
    public static let length: FinishReason = "length"
    /// The model called tools; answer them with `.tool` messages.
    public static let toolCalls: FinishReason = "tool_calls"
    /// A content filter withheld the rest.
    public static let contentFilter: FinishReason = "content_filter"
}
