/// Whether and which tool the model must call.
///
/// ```swift
/// request.toolChoice = .function("get_weather")
/// ```
public enum ToolChoice: Hashable, Sendable, Encodable {
    case none
    case auto
    /// The model must call at least one tool.
    case required
    /// The model must call this function.
    case function(String)

    private enum CodingKeys: String, CodingKey {
        case type, function
    }

    private struct Name: Encodable {
        var name: String
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .none: try "none".encode(to: encoder)
        case .auto: try "auto".encode(to: encoder)
        case .required: try "required".encode(to: encoder)
        case .function(let name):
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode("function", forKey: .type)
            try container.encode(Name(name: name), forKey: .function)
        }
    }
}
