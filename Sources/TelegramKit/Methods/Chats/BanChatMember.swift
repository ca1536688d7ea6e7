/// `banChatMember`: removes a user and keeps them out, until a date or for good.
///
/// ```swift
/// try await client.call(BanChatMember(chatID: .id(group), userID: spammer, revokeMessages: true))
/// ```
public struct BanChatMember: TelegramMethod {
    public typealias Result = Bool
    public static let name = "banChatMember"

    public var chatID: ChatTarget
    public var userID: Int64
    /// Unix seconds; under 30 s or over 366 days away means forever.
    public var untilDate: Int64?
    /// Delete all the user's messages in the chat.
    public var revokeMessages: Bool?

    public init(chatID: ChatTarget, userID: Int64, untilDate: Int64? = nil, revokeMessages: Bool? = nil) {
        self.chatID = chatID
        self.userID = userID
        self.untilDate = untilDate
        self.revokeMessages = revokeMessages
    }

    enum CodingKeys: String, CodingKey {
        case chatID = "chat_id"
        case userID = "user_id"
        case untilDate = "until_date"
        case revokeMessages = "revoke_messages"
    }
}
