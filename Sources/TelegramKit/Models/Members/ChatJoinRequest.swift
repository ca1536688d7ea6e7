/// A user asked to join a chat that needs approval.
public struct ChatJoinRequest: Decodable, Hashable, Sendable {
    public var chat: TelegramChat
    public var from: User
    /// A private chat with the user the bot may write to for 5 minutes.
    public var userChatID: Int64?
    /// Unix seconds.
    public var date: Int64
    public var bio: String?

    enum CodingKeys: String, CodingKey {
        case chat, from, date, bio
        case userChatID = "user_chat_id"
    }
}
