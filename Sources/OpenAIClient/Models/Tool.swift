import VioCore

/// A tool the model may call.
///
/// ```swift
/// let weather = Tool.function(
///     name: "get_weather", description: "Current weather in a city",
///     parameters: ["type": "object", "properties": ["city": ["type": "string"]], "required": ["city"]])
/// ```
public struct Tool: Hashable, Sendable, Encodable {
    /// Always `function` today.
    public var type: String
    public var function: FunctionDefinition

    public init(type: String = "function", function: FunctionDefinition) {
        self.type = type
        self.function = function
    }

    /// A function tool; `parameters` is its JSON Schema.
    public static func function(name: String, description: String? = nil, parameters: JSONValue? = nil, strict: Bool? = nil) -> Tool {
        Tool(function: FunctionDefinition(name: name, description: description, parameters: parameters, strict: strict))
    }
}

/// What a function tool is called, what it does and the JSON Schema of its arguments.
public struct FunctionDefinition: Hashable, Sendable, Encodable {
    public var name: String
    public var description: String?
    public var parameters: JSONValue?
    /// Asks OpenAI to follow the schema exactly (structured outputs).
    public var strict: Bool?

    public init(name: String, description: String? = nil, parameters: JSONValue? = nil, strict: Bool? = nil) {
        self.name = name
        self.description = description
        self.parameters = parameters
        self.strict = strict
    }
}
