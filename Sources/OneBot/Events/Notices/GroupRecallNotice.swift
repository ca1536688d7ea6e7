import VioCore

/// A group message taken back (`group_recall`).
public struct GroupRecallNotice: Hashable, Sendable {
    public var groupID: ID
    /// The author of the recalled message.
    public var userID: ID
    /// Who recalled it: the author or an admin.
    public var operatorID: ID
    public var messageID: ID

    init(_ fields: FrameFields) throws {
        groupID = try fields.required(fields.groupID, "group_id")
        userID = try fields.required(fields.userID, "user_id")
        operatorID = fields.operatorID ?? userID
        messageID = try fields.required(fields.messageID, "message_id")
    }
}
