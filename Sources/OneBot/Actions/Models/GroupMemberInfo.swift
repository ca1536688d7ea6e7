import VioCore

/// A member of a group, as ``GetGroupMemberInfo`` reports them.
public struct GroupMemberInfo: Decodable, Hashable, Sendable {
    public var groupID: ID
    public var userID: ID
    public var nickname: String?
    public var card: String?
    public var role: MessageSender.Role?
    public var title: String?
    /// The member's level, as text.
    public var level: String?
    /// When they joined and last spoke, in Unix seconds.
    public var joinTime: Int64?
    public var lastSentTime: Int64?

    /// The group card if set, else the nickname, else the user id.
    public var displayName: String {
        MessageSender(userID: userID, nickname: nickname, card: card).displayName
    }

    private enum CodingKeys: String, CodingKey {
        case groupID = "group_id", userID = "user_id", nickname, card, role, title, level
        case joinTime = "join_time", lastSentTime = "last_sent_time"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        groupID = try container.decode(ID.self, forKey: .groupID)
        userID = try container.decode(ID.self, forKey: .userID)
        nickname = container.lenient(String.self, .nickname)
        card = container.lenient(String.self, .card)
        role = container.lenient(String.self, .role).flatMap(MessageSender.Role.init(rawValue:))
        title = container.lenient(String.self, .title)
        level = container.lenient(LooseString.self, .level)?.value
        joinTime = container.lenient(Int64.self, .joinTime)
        lastSentTime = container.lenient(Int64.self, .lastSentTime)
    }
}
