/// Where a message was said: a one-to-one chat, a group or a broadcast channel.
public struct Chat: Hashable, Sendable {
    /// The kinds of chat every platform has in some form.
    public enum Kind: String, Hashable, Sendable {
        /// One user and the bot (QQ friend or temporary session, Telegram private chat).
        case `private`
        /// Many users (QQ group, Telegram group or supergroup).
        case group
        /// A broadcast channel (Telegram channel).
        case channel
    }

    public var kind: Kind
    /// The chat's id: the user's id for private chats, the group's for groups.
    public var id: ID
    /// The group or channel title, when the platform sends one.
    public var title: String?

    public init(kind: Kind, id: ID, title: String? = nil) {
        self.kind = kind
        self.id = id
        self.title = title
    }

    /// A private chat with `user`.
    public static func `private`(_ user: ID) -> Chat {
        Chat(kind: .private, id: user)
    }

    /// A group chat.
    public static func group(_ id: ID, title: String? = nil) -> Chat {
        Chat(kind: .group, id: id, title: title)
    }

    public var isPrivate: Bool { kind == .private }
    public var isGroup: Bool { kind == .group }
}
