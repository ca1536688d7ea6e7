import VioCore

/// A message was added to or removed from the group's essence list (`essence`).
public struct EssenceNotice: Hashable, Sendable {
    public var groupID: ID
    /// The author of the message.
    public var senderID: ID?
    public var operatorID: ID?
    public var messageID: ID
    /// `false` for `delete`.
    public var isAdded: Bool

    init(_ fields: FrameFields) throws {
        groupID = try fields.required(fields.groupID, "group_id")
        senderID = fields.senderID
        operatorID = fields.operatorID
        messageID = try fields.required(fields.messageID, "message_id")
        isAdded = fields.subType != "delete"
    }
}
