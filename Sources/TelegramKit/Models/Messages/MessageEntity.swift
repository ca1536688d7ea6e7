/// A marked range of a message's text: a mention, a command, a link, bold text…
///
/// `offset` and `length` count UTF-16 code units, as Telegram does; use ``Message/text(of:)`` to
/// read the marked text rather than indexing the string yourself.
///
/// ```swift
/// for entity in message.entities ?? [] where entity.type == .hashtag {
///     print(message.text(of: entity) ?? "")
/// }
/// ```
public struct MessageEntity: Codable, Hashable, Sendable {
    public var type: Kind
    /// Start, in UTF-16 code units.
    public var offset: Int
    /// Length, in UTF-16 code units.
    public var length: Int
    /// `textLink` only: the URL opened on tap.
    public var url: String?
    /// `textMention` only: the mentioned user.
    public var user: User?
    /// `pre` only: the code's language.
    public var language: String?
    /// `customEmoji` only.
    public var customEmojiID: String?

    public init(type: Kind, offset: Int, length: Int, url: String? = nil, user: User? = nil, language: String? = nil) {
        self.type = type
        self.offset = offset
        self.length = length
        self.url = url
        self.user = user
        self.language = language
    }

    enum CodingKeys: String, CodingKey {
        case type, offset, length, url, user, language
        case customEmojiID = "custom_emoji_id"
    }

    /// The kinds of entity. Kinds newer than TelegramKit decode to ``unknown(_:)``.
    public enum Kind: RawRepresentable, Codable, Hashable, Sendable {
        case mention, hashtag, cashtag, botCommand, url, email, phoneNumber
        case bold, italic, underline, strikethrough, spoiler, blockquote, expandableBlockquote
        case code, pre, textLink, textMention, customEmoji
        case unknown(String)

        private static let names: [(Kind, String)] = [
            (.mention, "mention"), (.hashtag, "hashtag"), (.cashtag, "cashtag"), (.botCommand, "bot_command"),
            (.url, "url"), (.email, "email"), (.phoneNumber, "phone_number"), (.bold, "bold"), (.italic, "italic"),
            (.underline, "underline"), (.strikethrough, "strikethrough"), (.spoiler, "spoiler"),
            (.blockquote, "blockquote"), (.expandableBlockquote, "expandable_blockquote"), (.code, "code"),
            (.pre, "pre"), (.textLink, "text_link"), (.textMention, "text_mention"), (.customEmoji, "custom_emoji"),
        ]

        public init(rawValue: String) {
            self = Self.names.first { $0.1 == rawValue }?.0 ?? .unknown(rawValue)
        }

        public var rawValue: String {
            if case .unknown(let name) = self { return name }
            return Self.names.first { $0.0 == self }?.1 ?? ""
        }
    }
}
