/// A user's standing in a chat, as `getChatMember`, `getChatAdministrators` and member updates report it.
///
/// Telegram sends one of six shapes keyed by `status`; the fields of all of them are here, set when
/// the status has them. Statuses newer than TelegramKit decode to ``Status/unknown(_:)``.
///
/// ```swift
/// let member = try await client.call(GetChatMember(chatID: group, userID: user))
/// if member.status.isAdministrator { … }
/// ```
public struct ChatMember: Decodable, Hashable, Sendable {
    public var user: User
    public var status: Status
    /// Owners and administrators: a custom title shown beside their name.
    public var customTitle: String?
    /// Owners and administrators: whether they are hidden from the member list.
    public var isAnonymous: Bool?
    /// `restricted` and `kicked`: Unix time the restriction or ban ends; 0 means forever.
    public var untilDate: Int64?
    /// `restricted`: whether the user is still a member.
    public var isMember: Bool?
    /// `restricted`: what the user may still do.
    public var permissions: ChatPermissions
    /// `administrator`: what the admin may do.
    public var rights: ChatAdministratorRights

    public init(user: User, status: Status, customTitle: String? = nil, untilDate: Int64? = nil) {
        self.user = user
        self.status = status
        self.customTitle = customTitle
        self.untilDate = untilDate
        self.permissions = ChatPermissions()
        self.rights = ChatAdministratorRights()
    }

    enum CodingKeys: String, CodingKey {
        case user, status
        case customTitle = "custom_title"
        case isAnonymous = "is_anonymous"
        case untilDate = "until_date"
        case isMember = "is_member"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        user = try container.decode(User.self, forKey: .user)
        status = try container.decode(Status.self, forKey: .status)
        customTitle = try container.decodeIfPresent(String.self, forKey: .customTitle)
        isAnonymous = try container.decodeIfPresent(Bool.self, forKey: .isAnonymous)
        untilDate = try container.decodeIfPresent(Int64.self, forKey: .untilDate)
        isMember = try container.decodeIfPresent(Bool.self, forKey: .isMember)
        permissions = try ChatPermissions(from: decoder)
        rights = try ChatAdministratorRights(from: decoder)
    }

    /// Whether the user is in the chat now (owner, admin, member, or restricted but still a member).
    public var isInChat: Bool {
        switch status {
        case .creator, .administrator, .member: true
        case .restricted: isMember ?? true
        case .left, .kicked, .unknown: false
        }
    }

    /// A member's status in a chat.
    public enum Status: RawRepresentable, Codable, Hashable, Sendable {
        /// The owner.
        case creator
        case administrator
        case member
        /// A member with restrictions (muted, or no media).
        case restricted
        case left
        /// Banned: cannot return until unbanned or `untilDate` passes.
        case kicked
        case unknown(String)

        public init(rawValue: String) {
            switch rawValue {
            case "creator": self = .creator
            case "administrator": self = .administrator
            case "member": self = .member
            case "restricted": self = .restricted
            case "left": self = .left
            case "kicked": self = .kicked
            default: self = .unknown(rawValue)
            }
        }

        public var rawValue: String {
            switch self {
            case .creator: "creator"
            case .administrator: "administrator"
            case .member: "member"
            case .restricted: "restricted"
            case .left: "left"
            case .kicked: "kicked"
            case .unknown(let name): name
            }
        }

        /// The owner or an administrator.
        public var isAdministrator: Bool { self == .creator || self == .administrator }
    }
}
