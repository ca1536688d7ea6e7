import VioCore

/// Sends a merged forward to a group (`send_group_forward_msg`, go-cqhttp and NapCat).
///
/// ```swift
/// try await client.call(SendGroupForwardMessage(group: 987654321, nodes: [
///     .init(user: 10001000, nickname: "Vio", content: "first"),
///     .init(messageID: 2002),
/// ]))
/// ```
public struct SendGroupForwardMessage: OneBotAction {
    public typealias Response = SentMessage
    public var action: String { "send_group_forward_msg" }
    public var group: ID
    public var nodes: [Segment.Node]

    public init(group: ID, nodes: [Segment.Node]) {
        self.group = group
        self.nodes = nodes
    }

    private enum CodingKeys: String, CodingKey { case group = "group_id", messages }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(group, forKey: .group)
        try container.encode(nodes.map(Segment.node), forKey: .messages)
    }
}

/// Sends a merged forward to a user (`send_private_forward_msg`, go-cqhttp and NapCat).
public struct SendPrivateForwardMessage: OneBotAction {
    public typealias Response = SentMessage
    public var action: String { "send_private_forward_msg" }
    public var user: ID
    public var nodes: [Segment.Node]

    public init(user: ID, nodes: [Segment.Node]) {
        self.user = user
        self.nodes = nodes
    }

    private enum CodingKeys: String, CodingKey { case user = "user_id", messages }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(user, forKey: .user)
        try container.encode(nodes.map(Segment.node), forKey: .messages)
    }
}
