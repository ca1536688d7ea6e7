import VioCore

/// A member was muted or unmuted (`group_ban`); user 0 means the whole group.
public struct GroupBanNotice: Hashable, Sendable {
    public var groupID: ID
    public var userID: ID
    public var operatorID: ID?
    /// How long the mute lasts; zero when it was lifted.
    public var duration: Duration
    /// `false` for `lift_ban`.
    public var isBan: Bool

    init(_ fields: FrameFields) throws {
        groupID = try fields.required(fields.groupID, "group_id")
        userID = try fields.required(fields.userID, "user_id")
        operatorID = fields.operatorID
        isBan = fields.subType != "lift_ban"
        duration = .seconds(isBan ? fields.duration ?? 0 : 0)
    }
}
