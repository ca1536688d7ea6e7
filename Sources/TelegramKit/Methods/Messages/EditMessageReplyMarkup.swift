/// `editMessageReplyMarkup`: replaces (or, with `nil`, removes) the inline keyboard of a message.
///
/// ```swift
/// try await client.call(EditMessageReplyMarkup(chatID: .id(chat), messageID: id, replyMarkup: nil))
/// ```
public struct EditMessageReplyMarkup: TelegramMethod {
    public typealias Result = EditResult
    public static let name = "editMessageReplyMarkup"

    public var chatID: ChatTarget?
    public var messageID: Int64?
    public var inlineMessageID: String?
    public var replyMarkup: InlineKeyboardMarkup?

    public init(chatID: ChatTarget, messageID: Int64, replyMarkup: InlineKeyboardMarkup?) {
        self.chatID = chatID
        self.messageID = messageID
        self.replyMarkup = replyMarkup
    }

    public init(inlineMessageID: String, replyMarkup: InlineKeyboardMarkup?) {
        self.inlineMessageID = inlineMessageID
        self.replyMarkup = replyMarkup
    }

    enum CodingKeys: String, CodingKey {
        case chatID = "chat_id"
        case messageID = "message_id"
        case inlineMessageID = "inline_message_id"
        case replyMarkup = "reply_markup"
    }
}
