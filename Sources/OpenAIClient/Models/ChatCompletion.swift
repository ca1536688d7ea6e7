import VioCore

/// A complete answer to a ``ChatRequest``. Fields a provider leaves out stay `nil`; fields it adds are ignored.
///
/// ```swift
/// let completion = try await client.chat(request)
/// print(completion.text ?? completion.choices.first?.message.refusal ?? "")
/// ```
public struct ChatCompletion: Hashable, Sendable, Codable {
    public var id: String
    public var model: String
    /// Unix time of creation.
    public var created: Int64?
    public var choices: [Choice]
    public var usage: Usage?
    public var systemFingerprint: String?

    public init(id: String, model: String, created: Int64? = nil, choices: [Choice], usage: Usage? = nil, systemFingerprint: String? = nil) {
        self.id = id
        self.model = model
        self.created = created
        self.choices = choices
        self.usage = usage
        self.systemFingerprint = systemFingerprint
    }

    /// The text of the first choice.
    public var text: String? { choices.first?.message.text }

    /// One generated answer.
    public struct Choice: Hashable, Sendable, Codable {
        public var index: Int
        public var message: ChatMessage
        public var finishReason: FinishReason?
        /// Token log probabilities when asked for, as the provider sent them.
        public var logprobs: JSONValue?

        public init(index: Int, message: ChatMessage, finishReason: FinishReason? = nil, logprobs: JSONValue? = nil) {
            self.index = index
            self.message = message
            self.finishReason = finishReason
            self.logprobs = logprobs
        }

        private enum CodingKeys: String, CodingKey {
            case index, message, logprobs
            case finishReason = "finish_reason"
        }
    }

    private enum CodingKeys: String, CodingKey {
        case id, model, created, choices, usage
        case systemFingerprint = "system_fingerprint"
    }
}
