import VioCore

/// Sends a private message (`send_private_msg`).
public struct SendPrivateMessage: OneBotAction {
    public typealias Response = SentMessage
    public var action: String { "send_private_msg" }
    public var user: ID
    public var message: Message
    public var format: MessageFormat
    /// For a temporary chat: the group it started in.
    public var group: ID?

    public init(user: ID, message: Message, format: MessageFormat = .array, group: ID? = nil) {
        self.user = user
        self.message = message
        self.format = format
        self.group = group
    }

    private enum CodingKeys: String, CodingKey {
        case user = "user_id", group = "group_id", message
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(user, forKey: .user)
        try container.encodeIfPresent(group, forKey: .group)
        try container.encode(message, format: format, forKey: .message)
    }
}

/// Sends a group message (`send_group_msg`).
public struct SendGroupMessage: OneBotAction {
    public typealias Response = SentMessage
    public var action: String { "send_group_msg" }
    public var group: ID
    public var message: Message
    public var format: MessageFormat

    public init(group: ID, message: Message, format: MessageFormat = .array) {
        self.group = group
        self.message = message
        self.format = format
    }

    private enum CodingKeys: String, CodingKey {
        case group = "group_id", message
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(group, forKey: .group)
        try container.encode(message, format: format, forKey: .message)
    }
}

/// Sends a message to a user or a group (`send_msg`).
public struct SendMessage: OneBotAction {
    public typealias Response = SentMessage
    public var action: String { "send_msg" }
    public var target: MessageTarget
    public var message: Message
    public var format: MessageFormat

    public init(to target: MessageTarget, message: Message, format: MessageFormat = .array) {
        self.target = target
        self.message = message
        self.format = format
    }

    private enum CodingKeys: String, CodingKey {
        case messageType = "message_type", user = "user_id", group = "group_id", message
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch target {
        case .user(let user):
            try container.encode("private", forKey: .messageType)
            try container.encode(user, forKey: .user)
        case .group(let group):
            try container.encode("group", forKey: .messageType)
            try container.encode(group, forKey: .group)
        }
        try container.encode(message, format: format, forKey: .message)
    }
}

/// Where ``SendMessage`` sends to.
public enum MessageTarget: Hashable, Sendable {
    case user(ID)
    case group(ID)
}
