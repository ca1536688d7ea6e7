import VioCore

/// A message fetched by ``GetMessage`` or listed in a history; implementations differ in which
/// fields they fill, so everything but the content is optional.
public struct MessageDetails: Decodable, Hashable, Sendable {
    public var time: Int64?
    /// `private` or `group`.
    public var messageType: String?
    public var messageID: ID?
    public var realID: ID?
    public var messageSeq: Int64?
    public var userID: ID?
    public var groupID: ID?
    public var sender: MessageSender?
    /// The content, whether it came as a CQ string or a segment array.
    public var message: Message

    private enum CodingKeys: String, CodingKey {
        case time, messageType = "message_type", messageID = "message_id", realID = "real_id"
        case messageSeq = "message_seq", userID = "user_id", groupID = "group_id", sender, message, content
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        time = container.lenient(Int64.self, .time)
        messageType = container.lenient(String.self, .messageType)
        messageID = container.lenient(ID.self, .messageID)
        realID = container.lenient(ID.self, .realID)
        messageSeq = container.lenient(Int64.self, .messageSeq)
        userID = container.lenient(ID.self, .userID)
        groupID = container.lenient(ID.self, .groupID)
        sender = container.lenient(MessageSender.self, .sender)
        message = container.lenient(Message.self, .message) ?? container.lenient(Message.self, .content) ?? Message()
    }
}

/// The messages of a merged forward (``GetForwardMessage``): go-cqhttp sends `content`, NapCat
/// `message`; both decode into ``MessageDetails/message``.
public struct ForwardMessages: Decodable, Hashable, Sendable {
    public var messages: [MessageDetails]

    private enum CodingKeys: String, CodingKey { case messages, message }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        messages = container.lenient([MessageDetails].self, .messages) ?? container.lenient([MessageDetails].self, .message) ?? []
    }
}

/// Earlier messages of a chat (``GetGroupMessageHistory``).
public struct MessageHistory: Decodable, Hashable, Sendable {
    public var messages: [MessageDetails]
}
