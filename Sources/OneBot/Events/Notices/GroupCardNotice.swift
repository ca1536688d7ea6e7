import VioCore

/// A member's group card changed (`group_card`, go-cqhttp and NapCat).
public struct GroupCardNotice: Hashable, Sendable {
    public var groupID: ID
    public var userID: ID
    public var newCard: String
    public var oldCard: String

    init(_ fields: FrameFields) throws {
        groupID = try fields.required(fields.groupID, "group_id")
        userID = try fields.required(fields.userID, "user_id")
        newCard = fields.cardNew ?? ""
        oldCard = fields.cardOld ?? ""
    }
}
