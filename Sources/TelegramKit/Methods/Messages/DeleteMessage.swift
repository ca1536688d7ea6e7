/// `deleteMessage`: deletes a message (the bot's own within 48 hours, others' as an admin).
///
/// ```swift
/// try await client.call(DeleteMessage(chatID: .id(chat), messageID: id))
/// ```
public struct DeleteMessage: TelegramMethod {
    public typealias Result = Bool
    public static let name = "deleteMessage"

    public var chatID: ChatTarget
    public var messageID: Int64

    public init(chatID: ChatTarget, messageID: Int64) {
        self.chatID = chatID
        self.messageID = messageID
    }

    enum CodingKeys: String, CodingKey {
        case chatID = "chat_id"
        case messageID = "message_id"
    }
}
