import VioCore

/// A chat completion request. Only `model` and `messages` are required; `nil` fields are not sent,
/// so the provider's defaults apply.
///
/// ```swift
/// var request = ChatRequest(model: "deepseek-chat", messages: [.user("你好")])
/// request.temperature = 0.7
/// request.extra = ["enable_thinking": false]   // a provider field this type does not model
/// ```
///
/// `extra` is merged into the JSON body last: its members win over the typed fields of the same name.
/// Leave `stream` alone; ``OpenAIClient/chat(_:)`` and ``OpenAIClient/chatStream(_:)`` set it.
public struct ChatRequest: Hashable, Sendable, Encodable {
    public var model: String
    public var messages: [ChatMessage]
    public var temperature: Double?
    public var topP: Double?
    /// The older limit on answer tokens; OpenAI's reasoning models want `maxCompletionTokens`.
    public var maxTokens: Int?
    public var maxCompletionTokens: Int?
    public var stop: [String]?
    public var presencePenalty: Double?
    public var frequencyPenalty: Double?
    public var seed: Int64?
    /// How many answers to generate.
    public var n: Int?
    /// An id of the end user, for the provider's abuse monitoring.
    public var user: String?
    public var responseFormat: ResponseFormat?
    public var tools: [Tool]?
    public var toolChoice: ToolChoice?
    public var parallelToolCalls: Bool?
    public var stream: Bool?
    public var streamOptions: StreamOptions?
    /// Provider-specific fields, sent as they are.
    public var extra: [String: JSONValue]

    public init(model: String, messages: [ChatMessage], temperature: Double? = nil, maxTokens: Int? = nil,
                tools: [Tool]? = nil, extra: [String: JSONValue] = [:]) {
        self.model = model
        self.messages = messages
        self.temperature = temperature
        self.maxTokens = maxTokens
        self.tools = tools
        self.extra = extra
    }

    private enum CodingKeys: String, CodingKey {
        case model, messages, temperature, stop, seed, n, user, tools, stream
        case topP = "top_p"
        case maxTokens = "max_tokens"
        case maxCompletionTokens = "max_completion_tokens"
        case presencePenalty = "presence_penalty"
        case frequencyPenalty = "frequency_penalty"
        case responseFormat = "response_format"
        case toolChoice = "tool_choice"
        case parallelToolCalls = "parallel_tool_calls"
        case streamOptions = "stream_options"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        func encode(_ value: (some Encodable)?, _ key: CodingKeys) throws {
            guard extra[key.stringValue] == nil else { return }
            try container.encodeIfPresent(value, forKey: key)
        }
        try encode(model, .model)
        try encode(messages, .messages)
        try encode(temperature, .temperature)
        try encode(topP, .topP)
        try encode(maxTokens, .maxTokens)
        try encode(maxCompletionTokens, .maxCompletionTokens)
        try encode(stop, .stop)
        try encode(presencePenalty, .presencePenalty)
        try encode(frequencyPenalty, .frequencyPenalty)
        try encode(seed, .seed)
        try encode(n, .n)
        try encode(user, .user)
        try encode(responseFormat, .responseFormat)
        try encode(tools, .tools)
        try encode(toolChoice, .toolChoice)
        try encode(parallelToolCalls, .parallelToolCalls)
        try encode(stream, .stream)
        try encode(streamOptions, .streamOptions)
        var extras = encoder.container(keyedBy: ExtraKey.self)
        for (key, value) in extra {
            try extras.encode(value, forKey: ExtraKey(key))
        }
    }
}

/// A JSON member name chosen at run time.
private struct ExtraKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }

    init(_ name: String) {
        stringValue = name
    }

    init?(stringValue: String) {
        self.stringValue = stringValue
    }

    init?(intValue: Int) {
        return nil
    }
}
