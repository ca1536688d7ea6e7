/// The anonymous reaction counts on a message changed (request `message_reaction_count`).
public struct MessageReactionCountUpdated: Decodable, Hashable, Sendable {
    public var chat: TelegramChat
    public var messageID: Int64
    /// Unix seconds.
    public var date: Int64
    public var reactions: [ReactionCount]

    enum CodingKeys: String, CodingKey {
        case chat, date, reactions
        case messageID = "message_id"
    }

    /// How many times one reaction was given.
    public struct ReactionCount: Decodable, Hashable, Sendable {
        public var type: ReactionType
        public var totalCount: Int

        enum CodingKeys: String, CodingKey {
            case type
            case totalCount = "total_count"
        }
    }
}
