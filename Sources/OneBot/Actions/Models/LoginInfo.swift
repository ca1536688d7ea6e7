import VioCore

/// The bot account.
public struct LoginInfo: Decodable, Hashable, Sendable {
    public var userID: ID
    public var nickname: String

    private enum CodingKeys: String, CodingKey { case userID = "user_id", nickname }
}
