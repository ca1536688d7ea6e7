/// A model the endpoint offers, as ``OpenAIClient/models()`` lists it.
///
/// ```swift
/// for model in try await client.models() { print(model.id) }
/// ```
public struct Model: Hashable, Sendable, Codable {
    public var id: String
    public var created: Int64?
    public var ownedBy: String?

    public init(id: String, created: Int64? = nil, ownedBy: String? = nil) {
        self.id = id
        self.created = created
        self.ownedBy = ownedBy
    }

    private enum CodingKeys: String, CodingKey {
        case id, created
        case ownedBy = "owned_by"
    }
}

/// The body of `GET /models`.
struct ModelList: Decodable {
    var data: [Model]
}
