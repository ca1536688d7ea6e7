import VioCore

/// One piece of a streamed answer: the new text of each choice, tool-call fragments, and at the end
/// the finish reason and (with `stream_options.include_usage`) the usage.
///
/// ```swift
/// for try await chunk in client.chatStream(request) {
///     print(chunk.choices.first?.delta.content ?? "", terminator: "")
/// }
/// ```
///
/// ``ChatStreamAccumulator`` adds the pieces up into a ``ChatCompletion``.
public struct ChatCompletionChunk: Hashable, Sendable, Codable {
    public var id: String
    public var model: String
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

    /// The new content text of the first choice.
    public var text: String? { choices.first?.delta.content }

    /// What one choice gained in this chunk.
    public struct Choice: Hashable, Sendable, Codable {
        public var index: Int
        public var delta: Delta
        public var finishReason: FinishReason?
        public var logprobs: JSONValue?

        public init(index: Int, delta: Delta, finishReason: FinishReason? = nil, logprobs: JSONValue? = nil) {
            self.index = index
            self.delta = delta
            self.finishReason = finishReason
            self.logprobs = logprobs
        }

        private enum CodingKeys: String, CodingKey {
            case index, delta, logprobs
            case finishReason = "finish_reason"
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            index = try container.decodeIfPresent(Int.self, forKey: .index) ?? 0
            delta = try container.decodeIfPresent(Delta.self, forKey: .delta) ?? Delta()
            finishReason = try container.decodeIfPresent(FinishReason.self, forKey: .finishReason)
            logprobs = try container.decodeIfPresent(JSONValue.self, forKey: .logprobs)
        }
    }

    /// The new parts of a message; every field is optional.
    public struct Delta: Hashable, Sendable, Codable {
        public var role: ChatRole?
        public var content: String?
        public var reasoningContent: String?
        public var refusal: String?
        public var toolCalls: [ToolCallDelta]?

        public init(role: ChatRole? = nil, content: String? = nil, reasoningContent: String? = nil, refusal: String? = nil, toolCalls: [ToolCallDelta]? = nil) {
            self.role = role
            self.content = content
            self.reasoningContent = reasoningContent
            self.refusal = refusal
            self.toolCalls = toolCalls
        }

        private enum CodingKeys: String, CodingKey {
            case role, content, refusal
            case reasoningContent = "reasoning_content"
            case toolCalls = "tool_calls"
        }
    }

    private enum CodingKeys: String, CodingKey {
        case id, model, created, choices, usage
        case systemFingerprint = "system_fingerprint"
    }

    /// Lenient where proxies differ: a chunk without id, model or choices still decodes, so one odd
    /// event does not end the stream.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decodeIfPresent(String.self, forKey: .id) ?? ""
        model = try container.decodeIfPresent(String.self, forKey: .model) ?? ""
        created = try container.decodeIfPresent(Int64.self, forKey: .created)
        choices = try container.decodeIfPresent([Choice].self, forKey: .choices) ?? []
        usage = try container.decodeIfPresent(Usage.self, forKey: .usage)
        systemFingerprint = try container.decodeIfPresent(String.self, forKey: .systemFingerprint)
    }
}

/// A fragment of a tool call: the first fragment of a call carries its id and name, later ones
/// pieces of the arguments. Fragments of one call share an `index`.
public struct ToolCallDelta: Hashable, Sendable, Codable {
    /// Which call this fragment belongs to; some providers leave it out.
    public var index: Int?
    public var id: String?
    public var type: String?
    public var function: Function?

    public init(index: Int?, id: String? = nil, type: String? = nil, function: Function? = nil) {
        self.index = index
        self.id = id
        self.type = type
        self.function = function
    }

    public struct Function: Hashable, Sendable, Codable {
        public var name: String?
        public var arguments: String?

        public init(name: String? = nil, arguments: String? = nil) {
            self.name = name
            self.arguments = arguments
        }
    }
}

extension ChatCompletionChunk {
    /// A whole completion as the one chunk that carries all of it: how a stream is read from a
    /// provider that ignores `stream: true` and answers with plain JSON.
    ///
    /// ```swift
    /// let chunk = ChatCompletionChunk(whole: completion)   // chunk.text == completion.text
    /// ```
    public init(whole completion: ChatCompletion) {
        self.init(
            id: completion.id, model: completion.model, created: completion.created,
            choices: completion.choices.map { choice in
                let message = choice.message
                let calls = message.toolCalls?.enumerated().map { index, call in
                    ToolCallDelta(index: index, id: call.id, type: call.type, function: .init(name: call.function.name, arguments: call.function.arguments))
                }
                return Choice(
                    index: choice.index,
                    delta: Delta(role: message.role, content: message.text, reasoningContent: message.reasoningContent, refusal: message.refusal, toolCalls: calls),
                    finishReason: choice.finishReason, logprobs: choice.logprobs)
            },
            usage: completion.usage, systemFingerprint: completion.systemFingerprint)
    }
}
