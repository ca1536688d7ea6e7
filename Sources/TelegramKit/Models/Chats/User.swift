/// A Telegram user or bot.
public struct User: Codable, Hashable, Sendable {
    /// 64-bit: user ids above 2^32 exist.
    public var id: Int64
    public var isBot: Bool
    public var firstName: String
    public var lastName: String?
    public var username: String?
    /// The IETF language tag of the user's client.
    public var languageCode: String?
    public var isPremium: Bool?
    /// `getMe` only: whether the bot can be added to groups.
    public var canJoinGroups: Bool?
    /// `getMe` only: whether privacy mode is off, so the bot sees every group message.
    public var canReadAllGroupMessages: Bool?
    /// `getMe` only.
    public var supportsInlineQueries: Bool?

    public init(id: Int64, isBot: Bool = false, firstName: String, lastName: String? = nil, username: String? = nil) {
        self.id = id
        self.isBot = isBot
        self.firstName = firstName
        self.lastName = lastName
        self.username = username
    }

    enum CodingKeys: String, CodingKey {
        case id, username
        case isBot = "is_bot"
        case firstName = "first_name"
        case lastName = "last_name"
        case languageCode = "language_code"
        case isPremium = "is_premium"
        case canJoinGroups = "can_join_groups"
        case canReadAllGroupMessages = "can_read_all_group_messages"
        case supportsInlineQueries = "supports_inline_queries"
    }

    /// First and last name, joined.
    public var fullName: String {
        [firstName, lastName].compactMap { $0 }.joined(separator: " ")
    }
}
