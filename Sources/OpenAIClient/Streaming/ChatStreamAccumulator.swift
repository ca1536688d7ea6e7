import VioCore

/// Adds up the chunks of a streamed answer into the ``ChatCompletion`` a non-streamed request would
/// have returned: content, reasoning and refusal text, tool calls whose arguments arrive in pieces,
/// finish reasons, log probabilities and the usage of the last chunk.
///
/// ```swift
/// var accumulator = ChatStreamAccumulator()
/// for try await chunk in client.chatStream(request) {
///     accumulator.add(chunk)
///     print(chunk.text ?? "", terminator: "")
/// }
/// let completion = accumulator.completion
/// ```
public struct ChatStreamAccumulator: Sendable {
    private var id = ""
    private var model = ""
    private var created: Int64?
    private var systemFingerprint: String?
    private var usage: Usage?
    private var choices: [Int: ChoiceState] = [:]

    public init() {}

    /// Takes in the next chunk.
    public mutating func add(_ chunk: ChatCompletionChunk) {
        if id.isEmpty { id = chunk.id }
        if model.isEmpty { model = chunk.model }
        created = created ?? chunk.created
        systemFingerprint = systemFingerprint ?? chunk.systemFingerprint
        usage = chunk.usage ?? usage
        for choice in chunk.choices {
            choices[choice.index, default: ChoiceState()].add(choice)
        }
    }

    /// The answer so far, choices in index order.
    public var completion: ChatCompletion {
        ChatCompletion(
            id: id, model: model, created: created,
            choices: choices.keys.sorted().compactMap { index in choices[index]?.choice(index: index) },
            usage: usage, systemFingerprint: systemFingerprint)
    }
}

/// What one choice has gathered.
private struct ChoiceState {
    var role: ChatRole?
    var content: String?
    var reasoningContent: String?
    var refusal: String?
    var toolCalls: [ToolCall] = []
    var finishReason: FinishReason?
    var logprobs: [String: [JSONValue]] = [:]

    mutating func add(_ choice: ChatCompletionChunk.Choice) {
        let delta = choice.delta
        role = role ?? delta.role
        append(delta.content, to: &content)
        append(delta.reasoningContent, to: &reasoningContent)
        append(delta.refusal, to: &refusal)
        for fragment in delta.toolCalls ?? [] { add(fragment) }
        finishReason = choice.finishReason ?? finishReason
        for (key, value) in choice.logprobs?.objectValue ?? [:] {
            if let entries = value.arrayValue { logprobs[key, default: []].append(contentsOf: entries) }
        }
    }

    private func append(_ piece: String?, to text: inout String?) {
        guard let piece else { return }
        text = (text ?? "") + piece
    }

    /// Fragments of one call share an index; providers that send no index start a call with its id.
    private mutating func add(_ fragment: ToolCallDelta) {
        let position: Int
        if let index = fragment.index {
            position = index
        } else if let id = fragment.id, toolCalls.last?.id != id {
            position = toolCalls.count
        } else {
            position = max(toolCalls.count - 1, 0)
        }
        while toolCalls.count <= position {
            toolCalls.append(ToolCall(id: "", function: FunctionCall(name: "", arguments: "")))
        }
        if let id = fragment.id, !id.isEmpty { toolCalls[position].id = id }
        if let type = fragment.type, !type.isEmpty { toolCalls[position].type = type }
        if let name = fragment.function?.name, toolCalls[position].function.name.isEmpty {
            toolCalls[position].function.name = name
        }
        toolCalls[position].function.arguments += fragment.function?.arguments ?? ""
    }

    func choice(index: Int) -> ChatCompletion.Choice {
        let message = ChatMessage(
            role: role ?? .assistant, content: content.map(MessageContent.text),
            toolCalls: toolCalls.isEmpty ? nil : toolCalls, refusal: refusal, reasoningContent: reasoningContent)
        return ChatCompletion.Choice(
            index: index, message: message, finishReason: finishReason,
            logprobs: logprobs.isEmpty ? nil : .object(logprobs.mapValues(JSONValue.array)))
    }
}
