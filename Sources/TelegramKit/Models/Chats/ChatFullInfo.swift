/// What `getChat` tells about a chat: the ``Chat`` fields and more.
public struct ChatFullInfo: Decodable, Hashable, Sendable {
    public var id: Int64
    public var type: ChatType
    public var title: String?
    public var username: String?
    public var firstName: String?
    public var lastName: String?
    public var isForum: Bool?
    /// Private chats: the user's bio.
    public var bio: String?
    /// Groups, supergroups and channels.
    public var description: String?
    public var inviteLink: String?
    public var pinnedMessage: Message?
    /// Default member permissions in groups and supergroups.
    public var permissions: ChatPermissions?
    public var slowModeDelay: Int?
    /// The supergroup a channel's comments go to, or the channel a discussion group belongs to.
    public var linkedChatID: Int64?

    enum CodingKeys: String, CodingKey {
        case id, type, title, username, bio, description, permissions
        case firstName = "first_name"
        case lastName = "last_name"
        case isForum = "is_forum"
        case inviteLink = "invite_link"
        case pinnedMessage = "pinned_message"
        case slowModeDelay = "slow_mode_delay"
        case linkedChatID = "linked_chat_id"
    }

    /// The fields a ``Chat`` holds.
    public var chat: Chat {
        Chat(id: id, type: type, title: title, username: username, firstName: firstName, lastName: lastName, isForum: isForum)
    }
}
