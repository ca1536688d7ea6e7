import VioCore

/// A member got a group honor (`notify`/`honor`).
public struct HonorNotice: Hashable, Sendable {
    public var groupID: ID
    public var userID: ID
    /// `talkative`, `performer`, `emotion`…
    public var honorType: String

    init(_ fields: FrameFields) throws {
        groupID = try fields.required(fields.groupID, "group_id")
        userID = try fields.required(fields.userID, "user_id")
        honorType = fields.honorType ?? ""
    }
}
