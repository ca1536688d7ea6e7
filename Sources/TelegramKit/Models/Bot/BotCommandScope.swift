/// Which users see a command list.
public enum BotCommandScope: Encodable, Hashable, Sendable {
    case `default`
    case allPrivateChats
    case allGroupChats
    case allChatAdministrators
    case chat(ChatTarget)
    case chatAdministrators(ChatTarget)
    case chatMember(ChatTarget, userID: Int64)

    private enum CodingKeys: String, CodingKey {
        case type
        case chatID = "chat_id"
        case userID = "user_id"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .default:
            try container.encode("default", forKey: .type)
        case .allPrivateChats:
            try container.encode("all_private_chats", forKey: .type)
        case .allGroupChats:
            try container.encode("all_group_chats", forKey: .type)
        case .allChatAdministrators:
            try container.encode("all_chat_administrators", forKey: .type)
        case .chat(let chat):
            try container.encode("chat", forKey: .type)
            try container.encode(chat, forKey: .chatID)
        case .chatAdministrators(let chat):
            try container.encode("chat_administrators", forKey: .type)
            try container.encode(chat, forKey: .chatID)
        case .chatMember(let chat, let userID):
            try container.encode("chat_member", forKey: .type)
            try container.encode(chat, forKey: .chatID)
            try container.encode(userID, forKey: .userID)
        }
    }
}
