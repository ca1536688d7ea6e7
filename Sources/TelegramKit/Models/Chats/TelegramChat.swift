/// A Telegram chat: a private chat with a user, a group, a supergroup (with forum topics or not) or a channel.
///
/// The Bot API calls this type `Chat`. It is `TelegramChat` here because every user of the adapter
/// imports VioCore too, whose `Chat` is where a message was said on any platform;
/// ``TelegramEventMapper/vioChat(_:)`` turns one into the other.
///
/// ```swift
/// if message.chat.type.isGroup, message.chat.isForum == true { … }
/// ```
public struct TelegramChat: Codable, Hashable, Sendable {
    /// The chat's id. Supergroups and channels look like `-1001234567890`, so it is 64-bit.
    public var id: Int64
    public var type: ChatType
    /// Groups, supergroups and channels.
    public var title: String?
    /// Private chats, supergroups and channels that have one.
    public var username: String?
    /// Private chats: the other party's names.
    public var firstName: String?
    public var lastName: String?
    /// Supergroups with forum topics enabled.
    public var isForum: Bool?

    public init(
        id: Int64, type: ChatType, title: String? = nil, username: String? = nil,
        firstName: String? = nil, lastName: String? = nil, isForum: Bool? = nil
    ) {
        self.id = id
        self.type = type
        self.title = title
        self.username = username
        self.firstName = firstName
        self.lastName = lastName
        self.isForum = isForum
    }

    enum CodingKeys: String, CodingKey {
        case id, type, title, username
        case firstName = "first_name"
        case lastName = "last_name"
        case isForum = "is_forum"
    }

    /// The title, or the other party's full name for private chats.
    public var displayName: String {
        title ?? [firstName, lastName].compactMap { $0 }.joined(separator: " ")
    }
}
