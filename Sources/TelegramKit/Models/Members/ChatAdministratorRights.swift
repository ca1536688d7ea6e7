/// What an administrator may do. `nil` leaves a right unsaid (for `promoteChatMember`: unchanged).
///
/// ```swift
/// PromoteChatMember(chatID: group, userID: user, rights: ChatAdministratorRights(canDeleteMessages: true, canRestrictMembers: true))
/// ```
public struct ChatAdministratorRights: Codable, Hashable, Sendable {
    public var isAnonymous: Bool?
    public var canManageChat: Bool?
    public var canDeleteMessages: Bool?
    public var canManageVideoChats: Bool?
    public var canRestrictMembers: Bool?
    public var canPromoteMembers: Bool?
    public var canChangeInfo: Bool?
    public var canInviteUsers: Bool?
    public var canPinMessages: Bool?
    public var canManageTopics: Bool?
    public var canPostMessages: Bool?
    public var canEditMessages: Bool?

    public init(
        canManageChat: Bool? = nil, canDeleteMessages: Bool? = nil, canRestrictMembers: Bool? = nil,
        canPromoteMembers: Bool? = nil, canChangeInfo: Bool? = nil, canInviteUsers: Bool? = nil, canPinMessages: Bool? = nil
    ) {
        self.canManageChat = canManageChat
        self.canDeleteMessages = canDeleteMessages
        self.canRestrictMembers = canRestrictMembers
        self.canPromoteMembers = canPromoteMembers
        self.canChangeInfo = canChangeInfo
        self.canInviteUsers = canInviteUsers
        self.canPinMessages = canPinMessages
    }

    enum CodingKeys: String, CodingKey {
        case isAnonymous = "is_anonymous"
        case canManageChat = "can_manage_chat"
        case canDeleteMessages = "can_delete_messages"
        case canManageVideoChats = "can_manage_video_chats"
        case canRestrictMembers = "can_restrict_members"
        case canPromoteMembers = "can_promote_members"
        case canChangeInfo = "can_change_info"
        case canInviteUsers = "can_invite_users"
        case canPinMessages = "can_pin_messages"
        case canManageTopics = "can_manage_topics"
        case canPostMessages = "can_post_messages"
        case canEditMessages = "can_edit_messages"
    }
}
