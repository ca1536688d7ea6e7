import VioCore

/// A new friend (`friend_add`).
public struct FriendAddNotice: Hashable, Sendable {
    public var userID: ID

    init(_ fields: FrameFields) throws {
        userID = try fields.required(fields.userID, "user_id")
    }
}
