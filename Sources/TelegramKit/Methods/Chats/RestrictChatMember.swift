/// `restrictChatMember`: limits what a supergroup member may do, until a date or for good.
///
/// Telegram reads an `untilDate` less than 30 seconds or more than 366 days away as forever.
///
/// ```swift
/// let inTenMinutes = Int64(Date().timeIntervalSince1970) + 600
/// try await client.call(RestrictChatMember(chatID: .id(group), userID: user, permissions: .readOnly, untilDate: inTenMinutes))
/// ```
public struct RestrictChatMember: TelegramMethod {
    public typealias Result = Bool
    public static let name = "restrictChatMember"

    public var chatID: ChatTarget
    public var userID: Int64
    public var permissions: ChatPermissions
    /// Apply each permission as given, rather than letting some imply others.
    public var useIndependentChatPermissions: Bool?
    /// Unix seconds; `nil` means forever.
    public var untilDate: Int64?

    public init(chatID: ChatTarget, userID: Int64, permissions: ChatPermissions, untilDate: Int64? = nil, useIndependentChatPermissions: Bool? = nil) {
        self.chatID = chatID
        self.userID = userID
        self.permissions = permissions
        self.untilDate = untilDate
        self.useIndependentChatPermissions = useIndependentChatPermissions
    }

    enum CodingKeys: String, CodingKey {
        case permissions
        case chatID = "chat_id"
        case userID = "user_id"
        case useIndependentChatPermissions = "use_independent_chat_permissions"
        case untilDate = "until_date"
    }
}
