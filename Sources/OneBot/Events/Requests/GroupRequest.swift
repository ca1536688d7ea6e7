import VioCore

/// A request to join a group, or an invitation of the bot into one.
public struct GroupRequest: Hashable, Sendable {
    public var groupID: ID
    public var userID: ID
    public var comment: String
    /// Echo it in ``SetGroupAddRequest``.
    public var flag: String
    /// `true` for an invitation of the bot (`invite`), `false` for a join request (`add`).
    public var isInvitation: Bool

    init(_ fields: FrameFields) throws {
        groupID = try fields.required(fields.groupID, "group_id")
        userID = try fields.required(fields.userID, "user_id")
        comment = fields.comment ?? ""
        flag = try fields.required(fields.flag, "flag")
        isInvitation = fields.subType == "invite"
    }
}
