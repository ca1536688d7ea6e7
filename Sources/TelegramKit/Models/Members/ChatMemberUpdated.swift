/// A member's status changed (`my_chat_member` for the bot itself, `chat_member` for others).
public struct ChatMemberUpdated: Decodable, Hashable, Sendable {
    public var chat: TelegramChat
    /// Who made the change: the user themselves when joining or leaving, else an admin.
    public var from: User
    /// Unix seconds.
    public var date: Int64
    public var oldChatMember: ChatMember
    public var newChatMember: ChatMember
    public var viaJoinRequest: Bool?
    public var viaChatFolderInviteLink: Bool?

    enum CodingKeys: String, CodingKey {
        case chat, from, date
        case oldChatMember = "old_chat_member"
        case newChatMember = "new_chat_member"
        case viaJoinRequest = "via_join_request"
        case viaChatFolderInviteLink = "via_chat_folder_invite_link"
    }

    /// The user came into the chat with this change.
    public var isJoin: Bool { !oldChatMember.isInChat && newChatMember.isInChat }
    /// The user left or was removed with this change.
    public var isLeave: Bool { oldChatMember.isInChat && !newChatMember.isInChat }
}
