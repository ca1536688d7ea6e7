/// `leaveChat`: the bot leaves a group, supergroup or channel.
///
/// ```swift
/// try await client.call(LeaveChat(chatID: .id(group)))
/// ```
public struct LeaveChat: TelegramMethod {
    public typealias Result = Bool
    public static let name = "leaveChat"

    public var chatID: ChatTarget

    public init(chatID: ChatTarget) {
        self.chatID = chatID
    }

    enum CodingKeys: String, CodingKey {
        case chatID = "chat_id"
    }
}
