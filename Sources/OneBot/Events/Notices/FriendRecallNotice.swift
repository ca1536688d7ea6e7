import VioCore

/// A private message taken back (`friend_recall`).
public struct FriendRecallNotice: Hashable, Sendable {
    public var userID: ID
    public var messageID: ID

    init(_ fields: FrameFields) throws {
        userID = try fields.required(fields.userID, "user_id")
        messageID = try fields.required(fields.messageID, "message_id")
    }
}
