import VioCore

/// Recalls a message (`delete_msg`).
public struct DeleteMessage: OneBotAction {
    public typealias Response = NoData
    public var action: String { "delete_msg" }
    public var messageID: ID

    public init(_ messageID: ID) {
        self.messageID = messageID
    }

    private enum CodingKeys: String, CodingKey { case messageID = "message_id" }
}

/// Fetches a message by id (`get_msg`).
public struct GetMessage: OneBotAction {
    public typealias Response = MessageDetails
    public var action: String { "get_msg" }
    public var messageID: ID

    public init(_ messageID: ID) {
        self.messageID = messageID
    }

    private enum CodingKeys: String, CodingKey { case messageID = "message_id" }
}

/// Fetches the messages of a merged forward (`get_forward_msg`).
public struct GetForwardMessage: OneBotAction {
    public typealias Response = ForwardMessages
    public var action: String { "get_forward_msg" }
    public var id: String

    public init(_ id: String) {
        self.id = id
    }

    private enum CodingKeys: String, CodingKey { case id, messageID = "message_id" }

    /// Sends the id as both `id` (spec, go-cqhttp) and `message_id` (NapCat).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(id, forKey: .messageID)
    }
}

/// Fetches earlier group messages, newest last (`get_group_msg_history`, go-cqhttp and NapCat).
public struct GetGroupMessageHistory: OneBotAction {
    public typealias Response = MessageHistory
    public var action: String { "get_group_msg_history" }
    public var group: ID
    /// Start from this sequence number; `nil` for the latest messages.
    public var messageSeq: Int64?
    public var count: Int?

    public init(group: ID, messageSeq: Int64? = nil, count: Int? = nil) {
        self.group = group
        self.messageSeq = messageSeq
        self.count = count
    }

    private enum CodingKeys: String, CodingKey { case group = "group_id", messageSeq = "message_seq", count }
}

/// Marks a message as read (`mark_msg_as_read`).
public struct MarkMessageAsRead: OneBotAction {
    public typealias Response = NoData
    public var action: String { "mark_msg_as_read" }
    public var messageID: ID

    public init(_ messageID: ID) {
        self.messageID = messageID
    }

    private enum CodingKeys: String, CodingKey { case messageID = "message_id" }
}

/// Adds or removes an emoji reaction on a message (`set_msg_emoji_like`, NapCat).
public struct SetMessageEmojiLike: OneBotAction {
    public typealias Response = NoData
    public var action: String { "set_msg_emoji_like" }
    public var messageID: ID
    public var emojiID: String
    public var isSet: Bool

    public init(messageID: ID, emojiID: String, set isSet: Bool = true) {
        self.messageID = messageID
        self.emojiID = emojiID
        self.isSet = isSet
    }

    private enum CodingKeys: String, CodingKey { case messageID = "message_id", emojiID = "emoji_id", isSet = "set" }
}
