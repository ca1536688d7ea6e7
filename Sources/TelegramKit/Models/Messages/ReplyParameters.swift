/// Which message a sent message answers.
///
/// ```swift
/// SendMessage(chatID: chat, text: "pong", options: MessageOptions(replyParameters: ReplyParameters(messageID: ping.messageID)))
/// ```
public struct ReplyParameters: Codable, Hashable, Sendable {
    public var messageID: Int64
    /// The chat of the quoted message, when it is not the chat sent to.
    public var chatID: Int64?
    /// Send even when the quoted message is gone (deleted meanwhile).
    public var allowSendingWithoutReply: Bool?
    /// The part of the quoted message to show, exactly as it appears there.
    public var quote: String?

    public init(messageID: Int64, chatID: Int64? = nil, allowSendingWithoutReply: Bool? = nil, quote: String? = nil) {
        self.messageID = messageID
        self.chatID = chatID
        self.allowSendingWithoutReply = allowSendingWithoutReply
        self.quote = quote
    }

    enum CodingKeys: String, CodingKey {
        case quote
        case messageID = "message_id"
        case chatID = "chat_id"
        case allowSendingWithoutReply = "allow_sending_without_reply"
    }
}
