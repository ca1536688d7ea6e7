/// `sendChatAction`: shows "typing…" (or another action) for about five seconds.
///
/// ```swift
/// try await client.call(SendChatAction(chatID: chat, action: .typing))
/// ```
public struct SendChatAction: TelegramMethod {
    public typealias Result = Bool
    public static let name = "sendChatAction"

    public var chatID: ChatTarget
    public var action: ChatAction
    public var messageThreadID: Int64?

    public init(chatID: ChatTarget, action: ChatAction, messageThreadID: Int64? = nil) {
        self.chatID = chatID
        self.action = action
        self.messageThreadID = messageThreadID
    }

    enum CodingKeys: String, CodingKey {
        case action
        case chatID = "chat_id"
        case messageThreadID = "message_thread_id"
    }
}
