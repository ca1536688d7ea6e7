import VioCore

/// A group's name and size.
public struct GroupInfo: Decodable, Hashable, Sendable {
    public var groupID: ID
    public var name: String?
    public var memberCount: Int?
    public var maxMemberCount: Int?

    private enum CodingKeys: String, CodingKey {
        case groupID = "group_id", name = "group_name", memberCount = "member_count", maxMemberCount = "max_member_count"
    }
}
