/// `getChatMember`: a user's status in a chat.
///
/// ```swift
/// let member = try await client.call(GetChatMember(chatID: .id(group), userID: user))
/// ```
public struct GetChatMember: TelegramMethod {
    public typealias Result = ChatMember
    public static let name = "getChatMember"

    public var chatID: ChatTarget
    public var userID: Int64

    public init(chatID: ChatTarget, userID: Int64) {
        self.chatID = chatID
        self.userID = userID
    }

    enum CodingKeys: String, CodingKey {
        case chatID = "chat_id"
        case userID = "user_id"
    }
}
