/// `getChatMemberCount`: how many members a chat has.
///
/// ```swift
/// let count = try await client.call(GetChatMemberCount(chatID: .id(group)))
/// ```
public struct GetChatMemberCount: TelegramMethod {
    public typealias Result = Int
    public static let name = "getChatMemberCount"

    public var chatID: ChatTarget

    public init(chatID: ChatTarget) {
        self.chatID = chatID
    }

    enum CodingKeys: String, CodingKey {
        case chatID = "chat_id"
    }
}
