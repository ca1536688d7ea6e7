/// A function call the model asked for, in a response or in an assistant message sent back.
///
/// ```swift
/// for call in message.toolCalls ?? [] {
///     let result = try run(call.function.name, arguments: call.function.arguments)
///     messages.append(.tool(result, callID: call.id))
/// }
/// ```
public struct ToolCall: Hashable, Sendable, Codable {
    public var id: String
    /// Always `function` today.
    public var type: String
    public var function: FunctionCall

    public init(id: String, type: String = "function", function: FunctionCall) {
        self.id = id
        self.type = type
        self.function = function
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decodeIfPresent(String.self, forKey: .id) ?? ""
        type = try container.decodeIfPresent(String.self, forKey: .type) ?? "function"
        function = try container.decode(FunctionCall.self, forKey: .function)
    }
}

/// The function and the JSON text of its arguments, exactly as the model wrote them (check them:
/// models can write invalid JSON).
public struct FunctionCall: Hashable, Sendable, Codable {
    public var name: String
    public var arguments: String

    public init(name: String, arguments: String) {
        self.name = name
        self.arguments = arguments
    }
}
