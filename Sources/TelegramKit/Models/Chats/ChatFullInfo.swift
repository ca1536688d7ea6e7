/// What `getChat` tells about a chat: the ``TelegramChat`` itself and more.
///
/// ```swift
/// let info = try await client.call(GetChat(chatID: "@my_channel"))
/// print(info.chat.displayName, info.description ?? "")
/// ```
public struct ChatFullInfo: Decodable, Hashable, Sendable {
    /// Id, type, title and names.
    public var chat: TelegramChat
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
        case bio, description, permissions
        case inviteLink = "invite_link"
        case pinnedMessage = "pinned_message"
        case slowModeDelay = "slow_mode_delay"
        case linkedChatID = "linked_chat_id"
    }

    public init(from decoder: any Decoder) throws {
        chat = try TelegramChat(from: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        bio = try container.decodeIfPresent(String.self, forKey: .bio)
        description = try container.decodeIfPresent(String.self, forKey: .description)
        inviteLink = try container.decodeIfPresent(String.self, forKey: .inviteLink)
        pinnedMessage = try container.decodeIfPresent(Message.self, forKey: .pinnedMessage)
        permissions = try container.decodeIfPresent(ChatPermissions.self, forKey: .permissions)
        slowModeDelay = try container.decodeIfPresent(Int.self, forKey: .slowModeDelay)
        linkedChatID = try container.decodeIfPresent(Int64.self, forKey: .linkedChatID)
    }
}
