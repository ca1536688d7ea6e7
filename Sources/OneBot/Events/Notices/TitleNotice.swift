import VioCore

/// A member got a special title (`notify`/`title`, NapCat).
public struct TitleNotice: Hashable, Sendable {
    public var groupID: ID
    public var userID: ID
    public var title: String

    init(_ fields: FrameFields) throws {
        groupID = try fields.required(fields.groupID, "group_id")
        userID = try fields.required(fields.userID, "user_id")
        title = fields.title ?? ""
    }
}
