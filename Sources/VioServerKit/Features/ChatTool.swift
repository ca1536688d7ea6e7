import Foundation
import OpenAIClient
import Synchronization
import VioCore

/// Something a feature does that the chat model may ask for: an OpenAI function tool, run with the
/// chat's context by the same code and rules as the feature's command. The chat offers a chat's
/// model only the tools of features that are on there.
///
/// ```swift
/// let clock = ChatTool(featureID: "chat", name: "current_time", description: "现在的日期和时间") { _, _ in
///     Date().formatted()
/// }
/// let function = clock.function(in: context)   // what ToolLoop runs
/// ```
struct ChatTool: Sendable {
    /// The feature it belongs to: where that feature is off, the tool is not offered.
    let featureID: String
    let name: String
    let description: String
    /// The JSON Schema of its arguments.
    var parameters: JSONValue = ["type": "object", "properties": [:]]
    /// Does it in `context`'s chat (what it sends goes there) and says, for the model, what happened.
    let run: @Sendable (_ arguments: JSONValue, _ context: BotContext) async throws -> String

    /// The tool as the loop runs it, in `context`'s chat.
    func function(in context: BotContext) -> ToolFunction {
        ToolFunction(name: name, description: description, parameters: parameters) { arguments in
            try await run(arguments, context)
        }
    }
}

/// Models whose provider refused tools (a 400 naming them): asked without tools until restart.
final class ToollessModels: Sendable {
    private let models = Mutex<Set<String>>([])

    func contains(_ model: String) -> Bool {
        models.withLock { $0.contains(model) }
    }

    func insert(_ model: String) {
        models.withLock { _ = $0.insert(model) }
    }
}
