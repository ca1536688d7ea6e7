/// A reaction on a message. Kinds newer than TelegramKit decode to ``unknown(_:)``.
///
/// ```swift
/// SetMessageReaction(chatID: chat, messageID: id, reaction: [.emoji("👍")])
/// ```
public enum ReactionType: Codable, Hashable, Sendable {
    case emoji(String)
    case customEmoji(id: String)
    /// A paid (Telegram Stars) reaction.
    case paid
    case unknown(String)

    private enum CodingKeys: String, CodingKey {
        case type, emoji
        case customEmojiID = "custom_emoji_id"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let type = try container.decode(String.self, forKey: .type)
        switch type {
        case "emoji": self = .emoji(try container.decode(String.self, forKey: .emoji))
        case "custom_emoji": self = .customEmoji(id: try container.decode(String.self, forKey: .customEmojiID))
        case "paid": self = .paid
        default: self = .unknown(type)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .emoji(let emoji):
            try container.encode("emoji", forKey: .type)
            try container.encode(emoji, forKey: .emoji)
        case .customEmoji(let id):
            try container.encode("custom_emoji", forKey: .type)
            try container.encode(id, forKey: .customEmojiID)
        case .paid:
            try container.encode("paid", forKey: .type)
        case .unknown(let type):
            try container.encode(type, forKey: .type)
        }
    }
}
