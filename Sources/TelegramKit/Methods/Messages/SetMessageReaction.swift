/// `setMessageReaction`: sets the bot's reactions on a message; an empty list removes them.
///
/// ```swift
/// try await client.call(SetMessageReaction(chatID: .id(chat), messageID: id, reaction: [.emoji("👍")]))
/// ```
public struct SetMessageReaction: TelegramMethod {
    public typealias Result = Bool
    public static let name = "setMessageReaction"

    public var chatID: ChatTarget
    public var messageID: Int64
    public var reaction: [ReactionType]
    public var isBig: Bool?

    public init(chatID: ChatTarget, messageID: Int64, reaction: [ReactionType], isBig: Bool? = nil) {
        self.chatID = chatID
        self.messageID = messageID
        self.reaction = reaction
        self.isBig = isBig
    }

    enum CodingKeys: String, CodingKey {
        case reaction
        case chatID = "chat_id"
        case messageID = "message_id"
        case isBig = "is_big"
    }
}
