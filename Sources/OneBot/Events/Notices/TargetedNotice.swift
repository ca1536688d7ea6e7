import VioCore

/// A `notify` notice where one user acts on another: a poke, or a luck king naming the winner.
public struct TargetedNotice: Hashable, Sendable {
    /// The group, or `nil` for a private poke.
    public var groupID: ID?
    /// Who poked, or who sent the red envelope.
    public var userID: ID
    /// Who was poked, or who won.
    public var targetID: ID

    init(_ fields: FrameFields) throws {
        groupID = fields.groupID
        userID = try fields.required(fields.userID, "user_id")
        targetID = try fields.required(fields.targetID, "target_id")
    }
}
