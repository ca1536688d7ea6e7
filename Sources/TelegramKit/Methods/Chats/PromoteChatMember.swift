/// `promoteChatMember`: grants or takes away administrator rights; all rights `false` demotes.
///
/// ```swift
/// try await client.call(PromoteChatMember(chatID: .id(group), userID: user, rights: ChatAdministratorRights(canPinMessages: true)))
/// ```
public struct PromoteChatMember: TelegramMethod {
    public typealias Result = Bool
    public static let name = "promoteChatMember"

    public var chatID: ChatTarget
    public var userID: Int64
    public var rights: ChatAdministratorRights

    public init(chatID: ChatTarget, userID: Int64, rights: ChatAdministratorRights) {
        self.chatID = chatID
        self.userID = userID
        self.rights = rights
    }

    enum CodingKeys: String, CodingKey {
        case chatID = "chat_id"
        case userID = "user_id"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(chatID, forKey: .chatID)
        try container.encode(userID, forKey: .userID)
        try rights.encode(to: encoder)
    }
}
