import VioCore

/// A user's profile, or a friend with the bot's remark for them.
public struct UserInfo: Decodable, Hashable, Sendable {
    public var userID: ID
    public var nickname: String?
    /// The bot's remark, for friends.
    public var remark: String?
    public var sex: String?
    public var age: Int?

    private enum CodingKeys: String, CodingKey { case userID = "user_id", nickname, remark, sex, age }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        userID = try container.decode(ID.self, forKey: .userID)
        nickname = container.lenient(String.self, .nickname)
        remark = container.lenient(String.self, .remark)
        sex = container.lenient(String.self, .sex)
        age = container.lenient(Int.self, .age)
    }
}
