import VioCore

/// A friend request.
public struct FriendRequest: Hashable, Sendable {
    public var userID: ID
    /// The message the user wrote.
    public var comment: String
    /// Echo it in ``SetFriendAddRequest``.
    public var flag: String

    init(_ fields: FrameFields) throws {
        userID = try fields.required(fields.userID, "user_id")
        comment = fields.comment ?? ""
        flag = try fields.required(fields.flag, "flag")
    }
}
