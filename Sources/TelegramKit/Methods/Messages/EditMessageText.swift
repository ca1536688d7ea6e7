/// `editMessageText`: replaces the text of a message the bot sent.
///
/// Give `chatID` and `messageID`, or `inlineMessageID` for inline-mode messages.
///
/// ```swift
/// try await client.call(EditMessageText(chatID: .id(chat), messageID: sent.messageID, text: "done ✅"))
/// ```
public struct EditMessageText: TelegramMethod {
    public typealias Result = EditResult
    public static let name = "editMessageText"

    public var chatID: ChatTarget?
    public var messageID: Int64?
    public var inlineMessageID: String?
    public var text: String
    public var parseMode: ParseMode?
    public var entities: [MessageEntity]?
    public var linkPreviewOptions: LinkPreviewOptions?
    public var replyMarkup: InlineKeyboardMarkup?

    public init(chatID: ChatTarget, messageID: Int64, text: String, parseMode: ParseMode? = nil, replyMarkup: InlineKeyboardMarkup? = nil) {
        self.chatID = chatID
        self.messageID = messageID
        self.text = text
        self.parseMode = parseMode
        self.replyMarkup = replyMarkup
    }

    public init(inlineMessageID: String, text: String, parseMode: ParseMode? = nil, replyMarkup: InlineKeyboardMarkup? = nil) {
        self.inlineMessageID = inlineMessageID
        self.text = text
        self.parseMode = parseMode
        self.replyMarkup = replyMarkup
    }

    /// Edits count against the chat's sending rate as messages do.
    public var rateLimitedChat: ChatTarget? { chatID }

    enum CodingKeys: String, CodingKey {
        case text, entities
        case chatID = "chat_id"
        case messageID = "message_id"
        case inlineMessageID = "inline_message_id"
        case parseMode = "parse_mode"
        case linkPreviewOptions = "link_preview_options"
        case replyMarkup = "reply_markup"
    }
}
