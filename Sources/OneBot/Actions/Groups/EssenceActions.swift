import VioCore

/// Adds a message to the group's essence list (`set_essence_msg`).
public struct SetEssenceMessage: OneBotAction {
    public typealias Response = NoData
    public var action: String { "set_essence_msg" }
    public var messageID: ID

    public init(_ messageID: ID) {
        self.messageID = messageID
    }

    private enum CodingKeys: String, CodingKey { case messageID = "message_id" }
}

/// Removes a message from the group's essence list (`delete_essence_msg`).
public struct DeleteEssenceMessage: OneBotAction {
    public typealias Response = NoData
    public var action: String { "delete_essence_msg" }
    public var messageID: ID

    public init(_ messageID: ID) {
        self.messageID = messageID
    }

    private enum CodingKeys: String, CodingKey { case messageID = "message_id" }
}

/// Lists the group's essence messages (`get_essence_msg_list`).
public struct GetEssenceMessageList: OneBotAction {
    public typealias Response = [EssenceMessage]
    public var action: String { "get_essence_msg_list" }
    public var group: ID

    public init(group: ID) {
        self.group = group
    }

    private enum CodingKeys: String, CodingKey { case group = "group_id" }
}
