import VioCore

/// A member joined or left a group (`group_increase`, `group_decrease`).
public struct GroupMemberNotice: Hashable, Sendable {
    public var groupID: ID
    public var userID: ID
    /// Who approved, invited or removed the member; the member themself when they left.
    public var operatorID: ID?
    /// `approve`, `invite`, `leave`, `kick` or `kick_me`.
    public var subType: String

    /// Whether the member was removed (`kick`, or the bot itself with `kick_me`).
    public var wasRemoved: Bool { subType == "kick" || subType == "kick_me" }

    init(_ fields: FrameFields) throws {
        groupID = try fields.required(fields.groupID, "group_id")
        userID = try fields.required(fields.userID, "user_id")
        operatorID = fields.operatorID
        subType = fields.subType ?? ""
    }
}
