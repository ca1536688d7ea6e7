/// A Telegram Business account connected the bot, or changed or ended the connection.
public struct BusinessConnection: Decodable, Hashable, Sendable {
    public var id: String
    public var user: User
    public var userChatID: Int64
    /// Unix seconds.
    public var date: Int64
    public var isEnabled: Bool

    enum CodingKeys: String, CodingKey {
        case id, user, date
        case userChatID = "user_chat_id"
        case isEnabled = "is_enabled"
    }
}
