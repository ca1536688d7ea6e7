import VioCore

/// A function the model may call, and the code that runs it: what ``ToolLoop`` offers and runs.
///
/// The result is text for the model. A function that fails throws; the loop sends the model its
/// error text instead, so one bad call never ends the conversation.
///
/// ```swift
/// let clock = ToolFunction(name: "current_time", description: "The current date and time") { _ in
///     Date().formatted()
/// }
/// let weather = ToolFunction(
///     name: "get_weather", description: "Current weather in a city",
///     parameters: ["type": "object", "properties": ["city": ["type": "string"]], "required": ["city"]]
/// ) { arguments in
///     try await forecast(for: arguments["city"]?.stringValue ?? "")
/// }
/// ```
public struct ToolFunction: Sendable {
    /// What the model is told: the name, the description and the JSON Schema of the arguments.
    public var definition: Tool
    /// Runs a call with its arguments, parsed from the JSON the model wrote (`{}` when it wrote none).
    public var perform: @Sendable (_ arguments: JSONValue) async throws -> String

    public var name: String { definition.function.name }

    /// - Parameter parameters: the JSON Schema of the arguments; an object with no properties by default.
    public init(
        name: String, description: String, parameters: JSONValue = ["type": "object", "properties": [:]],
        perform: @escaping @Sendable (_ arguments: JSONValue) async throws -> String
    ) {
        definition = .function(name: name, description: description, parameters: parameters)
        self.perform = perform
    }
}
