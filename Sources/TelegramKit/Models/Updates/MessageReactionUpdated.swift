/// A user changed their reactions on a message (request `message_reaction` in `allowed_updates`).
public struct MessageReactionUpdated: Decodable, Hashable, Sendable {
    public var chat: TelegramChat
    public var messageID: Int64
    /// The user who reacted; absent for anonymous admins.
    public var user: User?
    /// The chat that reacted, for anonymous admins.
    public var actorChat: TelegramChat?
    /// Unix seconds.
    public var date: Int64
    public var oldReaction: [ReactionType]
    public var newReaction: [ReactionType]

    enum CodingKeys: String, CodingKey {
        case chat, user, date
        case messageID = "message_id"
        case actorChat = "actor_chat"
        case oldReaction = "old_reaction"
        case newReaction = "new_reaction"
    }
}
