import VioCore

/// A file sent to the bot in a private chat (`offline_file`, go-cqhttp).
public struct OfflineFileNotice: Hashable, Sendable {
    public var userID: ID
    public var file: NoticeFile

    init(_ fields: FrameFields) throws {
        userID = try fields.required(fields.userID, "user_id")
        file = try fields.required(fields.file, "file")
    }
}
