/// A member's standing in a group, ordered from least to most powerful.
public enum MemberRole: Int, Hashable, Sendable, Comparable, CustomStringConvertible {
    case member
    case admin
    case owner

    public static func < (lhs: MemberRole, rhs: MemberRole) -> Bool {
        lhs.rawValue < rhs.rawValue
    }

    public var description: String {
        switch self {
        case .member: "member"
        case .admin: "admin"
        case .owner: "owner"
        }
    }
}

/// The author of a message.
public struct Sender: Hashable, Sendable {
    public var id: ID
    /// The name to show: group card, nickname or full name, whatever the platform has.
    public var displayName: String
    /// The sender's role in the group; `nil` in private chats or when the platform did not say.
    public var role: MemberRole?
    /// Whether the author is a bot account (Telegram tells; QQ does not).
    public var isBot: Bool

    public init(id: ID, displayName: String, role: MemberRole? = nil, isBot: Bool = false) {
        self.id = id
        self.displayName = displayName
        self.role = role
        self.isBot = isBot
    }
}

/// What a platform knows about a member of a group.
public struct MemberInfo: Hashable, Sendable {
    public var user: ID
    public var group: ID
    public var displayName: String
    public var role: MemberRole
    /// A custom title (QQ special title, Telegram admin title), if any.
    public var title: String?

    public init(user: ID, group: ID, displayName: String, role: MemberRole, title: String? = nil) {
        self.user = user
        self.group = group
        self.displayName = displayName
        self.role = role
        self.title = title
    }
}
