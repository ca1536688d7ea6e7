/// `getChat`: everything the bot may know about a chat.
///
/// ```swift
/// let info = try await client.call(GetChat(chatID: "@my_channel"))
/// ```
public struct GetChat: TelegramMethod {
    public typealias Result = ChatFullInfo
    public static let name = "getChat"

    public var chatID: ChatTarget

    public init(chatID: ChatTarget) {
        self.chatID = chatID
    }

    enum CodingKeys: String, CodingKey {
        case chatID = "chat_id"
    }
}
