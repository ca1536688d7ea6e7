/// A user typed `@yourbot query` in a chat. Answer with ``AnswerInlineQuery``.
public struct InlineQuery: Decodable, Hashable, Sendable {
    public var id: String
    public var from: User
    public var query: String
    /// Where the next page starts, as your previous answer said.
    public var offset: String
    /// The kind of chat it was typed in (`sender` for the private chat with the bot).
    public var chatType: String?
    public var location: Location?

    enum CodingKeys: String, CodingKey {
        case id, from, query, offset, location
        case chatType = "chat_type"
    }
}
