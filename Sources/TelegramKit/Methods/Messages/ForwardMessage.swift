/// `forwardMessage`: forwards a message, showing where it came from.
///
/// ```swift
/// try await client.call(ForwardMessage(chatID: archive, fromChatID: .id(message.chat.id), messageID: message.messageID))
/// ```
public struct ForwardMessage: TelegramMethod {
    public typealias Result = Message
    public static let name = "forwardMessage"

    public var chatID: ChatTarget
    public var fromChatID: ChatTarget
    public var messageID: Int64
    public var messageThreadID: Int64?
    public var disableNotification: Bool?
    public var protectContent: Bool?

    public init(chatID: ChatTarget, fromChatID: ChatTarget, messageID: Int64, messageThreadID: Int64? = nil, disableNotification: Bool? = nil) {
        self.chatID = chatID
        self.fromChatID = fromChatID
        self.messageID = messageID
        self.messageThreadID = messageThreadID
        self.disableNotification = disableNotification
    }

    public var rateLimitedChat: ChatTarget? { chatID }

    enum CodingKeys: String, CodingKey {
        case chatID = "chat_id"
        case fromChatID = "from_chat_id"
        case messageID = "message_id"
        case messageThreadID = "message_thread_id"
        case disableNotification = "disable_notification"
        case protectContent = "protect_content"
    }
}
