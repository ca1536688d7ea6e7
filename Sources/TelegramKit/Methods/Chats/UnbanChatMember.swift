/// `unbanChatMember`: lets a banned user return.
///
/// Without `onlyIfBanned`, unbanning a user who is still a member removes them: pass `true` unless
/// that is what you want.
///
/// ```swift
/// try await client.call(UnbanChatMember(chatID: .id(group), userID: user, onlyIfBanned: true))
/// ```
public struct UnbanChatMember: TelegramMethod {
    public typealias Result = Bool
    public static let name = "unbanChatMember"

    public var chatID: ChatTarget
    public var userID: Int64
    public var onlyIfBanned: Bool?

    public init(chatID: ChatTarget, userID: Int64, onlyIfBanned: Bool? = nil) {
        self.chatID = chatID
        self.userID = userID
        self.onlyIfBanned = onlyIfBanned
    }

    enum CodingKeys: String, CodingKey {
        case chatID = "chat_id"
        case userID = "user_id"
        case onlyIfBanned = "only_if_banned"
    }
}
