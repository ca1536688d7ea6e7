/// Options for a streamed answer.
///
/// ```swift
/// request.streamOptions = StreamOptions(includeUsage: true)   // a last chunk carries the token usage
/// ```
public struct StreamOptions: Hashable, Sendable, Encodable {
    /// Ask for a last chunk with `usage` and no choices.
    public var includeUsage: Bool

    public init(includeUsage: Bool) {
        self.includeUsage = includeUsage
    }

    private enum CodingKeys: String, CodingKey {
        case includeUsage = "include_usage"
    }
}
