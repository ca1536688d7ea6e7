/// One button of an ``InlineKeyboardMarkup``. Set exactly one action; the factories do.
public struct InlineKeyboardButton: Codable, Hashable, Sendable {
    public var text: String
    public var url: String?
    /// Sent back to the bot in a ``CallbackQuery``; 1 to 64 bytes.
    public var callbackData: String?
    /// Opens an inline query for the bot in a chat the user picks.
    public var switchInlineQuery: String?
    /// Opens an inline query for the bot in the current chat.
    public var switchInlineQueryCurrentChat: String?
    /// Text to copy to the clipboard, wrapped as `{"text": …}` on the wire.
    public var copyText: CopyTextButton?

    public init(text: String, url: String? = nil, callbackData: String? = nil, switchInlineQuery: String? = nil, switchInlineQueryCurrentChat: String? = nil) {
        self.text = text
        self.url = url
        self.callbackData = callbackData
        self.switchInlineQuery = switchInlineQuery
        self.switchInlineQueryCurrentChat = switchInlineQueryCurrentChat
    }

    /// A button that sends `data` back to the bot.
    public static func callback(_ text: String, data: String) -> InlineKeyboardButton {
        InlineKeyboardButton(text: text, callbackData: data)
    }

    /// A button that opens `url`.
    public static func url(_ text: String, url: String) -> InlineKeyboardButton {
        InlineKeyboardButton(text: text, url: url)
    }

    enum CodingKeys: String, CodingKey {
        case text, url
        case callbackData = "callback_data"
        case switchInlineQuery = "switch_inline_query"
        case switchInlineQueryCurrentChat = "switch_inline_query_current_chat"
        case copyText = "copy_text"
    }

    /// The text a copy button copies.
    public struct CopyTextButton: Codable, Hashable, Sendable {
        public var text: String

        public init(text: String) {
            self.text = text
        }
    }
}
