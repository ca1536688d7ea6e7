/// Tokens a request cost. Providers that leave a count out get 0.
///
/// ```swift
/// if let usage = completion.usage { print("\(usage.totalTokens) tokens") }
/// ```
public struct Usage: Hashable, Sendable, Codable {
    public var promptTokens: Int
    public var completionTokens: Int
    public var totalTokens: Int
    public var promptTokensDetails: PromptDetails?
    public var completionTokensDetails: CompletionDetails?

    public init(promptTokens: Int, completionTokens: Int, totalTokens: Int,
                promptTokensDetails: PromptDetails? = nil, completionTokensDetails: CompletionDetails? = nil) {
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.totalTokens = totalTokens
        self.promptTokensDetails = promptTokensDetails
        self.completionTokensDetails = completionTokensDetails
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        promptTokens = try container.decodeIfPresent(Int.self, forKey: .promptTokens) ?? 0
        completionTokens = try container.decodeIfPresent(Int.self, forKey: .completionTokens) ?? 0
        totalTokens = try container.decodeIfPresent(Int.self, forKey: .totalTokens) ?? promptTokens + completionTokens
        promptTokensDetails = try container.decodeIfPresent(PromptDetails.self, forKey: .promptTokensDetails)
        completionTokensDetails = try container.decodeIfPresent(CompletionDetails.self, forKey: .completionTokensDetails)
    }

    /// Of the prompt tokens, how many came from the provider's cache.
    public struct PromptDetails: Hashable, Sendable, Codable {
        public var cachedTokens: Int?

        public init(cachedTokens: Int?) {
            self.cachedTokens = cachedTokens
        }

        private enum CodingKeys: String, CodingKey {
            case cachedTokens = "cached_tokens"
        }
    }

    /// Of the completion tokens, how many the model spent reasoning.
    public struct CompletionDetails: Hashable, Sendable, Codable {
        public var reasoningTokens: Int?

        public init(reasoningTokens: Int?) {
            self.reasoningTokens = reasoningTokens
        }

        private enum CodingKeys: String, CodingKey {
            case reasoningTokens = "reasoning_tokens"
        }
    }

    private enum CodingKeys: String, CodingKey {
        case promptTokens = "prompt_tokens"
        case completionTokens = "completion_tokens"
        case totalTokens = "total_tokens"
        case promptTokensDetails = "prompt_tokens_details"
        case completionTokensDetails = "completion_tokens_details"
    }
}
