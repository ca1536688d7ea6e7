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

        public init(rawValue: String) {
            switch rawValue {
            case "mention": self = .mention
            case "hashtag": self = .hashtag
            case "cashtag": self = .cashtag
            case "bot_command": self = .botCommand
            case "url": self = .url
            case "email": self = .email
            case "phone_number": self = .phoneNumber
            case "bold": self = .bold
            case "italic": self = .italic
            case "underline": self = .underline
            case "strikethrough": self = .strikethrough
            case "spoiler": self = .spoiler
            case "blockquote": self = .blockquote
            case "expandable_blockquote": self = .expandableBlockquote
            case "code": self = .code
            case "pre": self = .pre
            case "text_link": self = .textLink
            case "text_mention": self = .textMention
            case "custom_emoji": self = .customEmoji
            default: self = .unknown(rawValue)
            }
        }

        public var rawValue: String {
            switch self {
            case .mention: "mention"
            case .hashtag: "hashtag"
            case .cashtag: "cashtag"
            case .botCommand: "bot_command"
            case .url: "url"
            case .email: "email"
            case .phoneNumber: "phone_number"
            case .bold: "bold"
            case .italic: "italic"
            case .underline: "underline"
            case .strikethrough: "strikethrough"
            case .spoiler: "spoiler"
            case .blockquote: "blockquote"
            case .expandableBlockquote: "expandable_blockquote"
            case .code: "code"
            case .pre: "pre"
            case .textLink: "text_link"
            case .textMention: "text_mention"
            case .customEmoji: "custom_emoji"
            case .unknown(let name): name
            }
        }
    }
}
