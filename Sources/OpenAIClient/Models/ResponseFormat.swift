import VioCore

/// The shape the answer must take.
///
/// ```swift
/// request.responseFormat = .jsonSchema(name: "weather", schema: ["type": "object", "properties": ["city": ["type": "string"]]], strict: true)
/// ```
public enum ResponseFormat: Hashable, Sendable, Encodable {
    /// Free text, the default.
    case text
    /// Any valid JSON object ("JSON mode"); the prompt must still ask for JSON.
    case jsonObject
    /// JSON that follows `schema` (structured outputs).
    case jsonSchema(name: String, description: String? = nil, schema: JSONValue, strict: Bool? = nil)

    private enum CodingKeys: String, CodingKey {
        case type
        case jsonSchema = "json_schema"
    }

    private struct Schema: Encodable {
        var name: String
        var description: String?
        var schema: JSONValue
        var strict: Bool?
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .text:
            try container.encode("text", forKey: .type)
        case .jsonObject:
            try container.encode("json_object", forKey: .type)
        case .jsonSchema(let name, let description, let schema, let strict):
            try container.encode("json_schema", forKey: .type)
            try container.encode(Schema(name: name, description: description, schema: schema, strict: strict), forKey: .jsonSchema)
        }
    }
}
