/// `sendMessage`: sends a text message.
///
/// ```swift
/// try await client.call(SendMessage(chatID: chat, text: "hello"))
/// try await client.call(SendMessage(chatID: chat, formatted: "Hi " + .bold(name)))
/// try await client.call(SendMessage(chatID: chat, text: "pick one", options: MessageOptions(
///     replyMarkup: .inlineKeyboard(InlineKeyboardMarkup([[.callback("A", data: "a")]])))))
/// ```
public struct SendMessage: TelegramMethod {
    public typealias Result = Message
    public static let name = "sendMessage"

    public var chatID: ChatTarget
    /// 1 to 4096 characters after entities are parsed.
    public var text: String
    public var parseMode: ParseMode?
    /// Marked ranges in UTF-16 code units; never together with `parseMode`.
    public var entities: [MessageEntity]?
    public var linkPreviewOptions: LinkPreviewOptions?
    public var options: MessageOptions

    public init(
        chatID: ChatTarget, text: String, parseMode: ParseMode? = nil, entities: [MessageEntity]? = nil,
        linkPreviewOptions: LinkPreviewOptions? = nil, options: MessageOptions = MessageOptions()
    ) {
        self.chatID = chatID
        self.text = text
        self.parseMode = parseMode
        self.entities = entities
        self.linkPreviewOptions = linkPreviewOptions
        self.options = options
    }

    /// A message written with the builder, sent as HTML so nothing needs escaping by hand.
    public init(chatID: ChatTarget, formatted: FormattedText, options: MessageOptions = MessageOptions()) {
        self.init(chatID: chatID, text: formatted.html, parseMode: .html, options: options)
    }

    public var rateLimitedChat: ChatTarget? { chatID }

    enum CodingKeys: String, CodingKey {
        case text, entities
        case chatID = "chat_id"
        case parseMode = "parse_mode"
        case linkPreviewOptions = "link_preview_options"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(chatID, forKey: .chatID)
        try container.encode(text, forKey: .text)
        try container.encodeIfPresent(parseMode, forKey: .parseMode)
        try container.encodeIfPresent(entities, forKey: .entities)
        try container.encodeIfPresent(linkPreviewOptions, forKey: .linkPreviewOptions)
        try options.encode(to: encoder)
    }
}
