/// `getChatAdministrators`: the owner and administrators of a chat, other bots left out.
///
/// ```swift
/// let admins = try await client.call(GetChatAdministrators(chatID: .id(group)))
/// ```
public struct GetChatAdministrators: TelegramMethod {
    public typealias Result = [ChatMember]
    public static let name = "getChatAdministrators"

    public var chatID: ChatTarget

    public init(chatID: ChatTarget) {
        self.chatID = chatID
    }

    enum CodingKeys: String, CodingKey {
        case chatID = "chat_id"
    }
}
