/// Where a forwarded message first came from.
public struct MessageOrigin: Decodable, Hashable, Sendable {
    public var type: Kind
    /// When the original message was sent (Unix seconds).
    public var date: Int64
    /// `user`: the original author.
    public var senderUser: User?
    /// `hiddenUser`: the name of an author who hides their account.
    public var senderUserName: String?
    /// `chat`: the chat that sent it on behalf of itself (an anonymous admin's group).
    public var senderChat: TelegramChat?
    /// `channel`: the channel it was posted in.
    public var chat: TelegramChat?
    /// `channel`: the post's id in the channel.
    public var messageID: Int64?
    public var authorSignature: String?

    enum CodingKeys: String, CodingKey {
        case type, date, chat
        case senderUser = "sender_user"
        case senderUserName = "sender_user_name"
        case senderChat = "sender_chat"
        case messageID = "message_id"
        case authorSignature = "author_signature"
    }

    /// The kinds of origin. Kinds newer than TelegramKit decode to ``unknown(_:)``.
    public enum Kind: RawRepresentable, Codable, Hashable, Sendable {
        case user, hiddenUser, chat, channel
        case unknown(String)

        public init(rawValue: String) {
            switch rawValue {
            case "user": self = .user
            case "hidden_user": self = .hiddenUser
            case "chat": self = .chat
            case "channel": self = .channel
            default: self = .unknown(rawValue)
            }
        }

        public var rawValue: String {
            switch self {
            case .user: "user"
            case .hiddenUser: "hidden_user"
            case .chat: "chat"
            case .channel: "channel"
            case .unknown(let name): name
            }
        }
    }
}
