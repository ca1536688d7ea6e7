/// `copyMessage`: sends a copy of a message without the link to the original; returns the new id.
///
/// ```swift
/// let copy = try await client.call(CopyMessage(chatID: other, fromChatID: .id(chat), messageID: id))
/// ```
public struct CopyMessage: TelegramMethod {
    public typealias Result = MessageID
    public static let name = "copyMessage"

    public var chatID: ChatTarget
    public var fromChatID: ChatTarget
    public var messageID: Int64
    /// A new caption for media; the original is kept when `nil`.
    public var caption: Caption?
    public var options: MessageOptions

    public init(chatID: ChatTarget, fromChatID: ChatTarget, messageID: Int64, caption: Caption? = nil, options: MessageOptions = MessageOptions()) {
        self.chatID = chatID
        self.fromChatID = fromChatID
        self.messageID = messageID
        self.caption = caption
        self.options = options
    }

    public var rateLimitedChat: ChatTarget? { chatID }

    enum CodingKeys: String, CodingKey {
        case chatID = "chat_id"
        case fromChatID = "from_chat_id"
        case messageID = "message_id"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(chatID, forKey: .chatID)
        try container.encode(fromChatID, forKey: .fromChatID)
        try container.encode(messageID, forKey: .messageID)
        try caption?.encode(to: encoder)
        try options.encode(to: encoder)
    }
}
