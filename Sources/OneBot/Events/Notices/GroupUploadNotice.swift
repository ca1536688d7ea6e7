import VioCore

/// A file uploaded to a group (`group_upload`).
public struct GroupUploadNotice: Hashable, Sendable {
    public var groupID: ID
    public var userID: ID
    public var file: NoticeFile

    init(_ fields: FrameFields) throws {
        groupID = try fields.required(fields.groupID, "group_id")
        userID = try fields.required(fields.userID, "user_id")
        file = try fields.required(fields.file, "file")
    }
}
