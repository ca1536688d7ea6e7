/// The caption of a photo, video, document…: text with its markup mode or entities.
///
/// ```swift
/// SendPhoto(chatID: chat, photo: .url(url), caption: "plain caption")
/// SendPhoto(chatID: chat, photo: .url(url), caption: Caption(.bold("Sunset") + " in Lisbon"))
/// ```
public struct Caption: Encodable, Hashable, Sendable, ExpressibleByStringLiteral {
    public var text: String
    public var parseMode: ParseMode?
    /// Marked ranges in UTF-16 code units; never together with `parseMode`.
    public var entities: [MessageEntity]?

    public init(_ text: String, parseMode: ParseMode? = nil, entities: [MessageEntity]? = nil) {
        self.text = text
        self.parseMode = parseMode
        self.entities = entities
    }

    /// A caption written with the builder, sent as HTML.
    public init(_ formatted: FormattedText) {
        self.init(formatted.html, parseMode: .html)
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }

    enum CodingKeys: String, CodingKey {
        case text = "caption"
        case parseMode = "parse_mode"
        case entities = "caption_entities"
    }
}
