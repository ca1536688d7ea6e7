import VioCore

/// One message of a group's essence list.
public struct EssenceMessage: Decodable, Hashable, Sendable {
    public var senderID: ID?
    public var senderNick: String?
    public var operatorID: ID?
    public var operatorNick: String?
    public var messageID: ID?
    /// When it was added, in Unix seconds.
    public var operatorTime: Int64?

    private enum CodingKeys: String, CodingKey {
        case senderID = "sender_id", senderNick = "sender_nick", operatorID = "operator_id"
        case operatorNick = "operator_nick", messageID = "message_id", operatorTime = "operator_time"
    }
}
