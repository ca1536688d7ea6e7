import VioCore

/// A member became or stopped being an admin (`group_admin`).
public struct GroupAdminNotice: Hashable, Sendable {
    public var groupID: ID
    public var userID: ID
    /// `true` for `set`, `false` for `unset`.
    public var isSet: Bool
    /// Who changed it; NapCat leaves it out.
    public var operatorID: ID?

    init(_ fields: FrameFields) throws {
        groupID = try fields.required(fields.groupID, "group_id")
        userID = try fields.required(fields.userID, "user_id")
        isSet = fields.subType != "unset"
        operatorID = fields.operatorID
    }
}
