import VioCore

/// Pokes a group member (`group_poke`, NapCat).
public struct GroupPoke: OneBotAction {
    public typealias Response = NoData
    public var action: String { "group_poke" }
    public var group: ID
    public var user: ID

    public init(group: ID, user: ID) {
        self.group = group
        self.user = user
    }

    private enum CodingKeys: String, CodingKey { case group = "group_id", user = "user_id" }
}

/// Pokes a friend (`friend_poke`, NapCat).
public struct FriendPoke: OneBotAction {
    public typealias Response = NoData
    public var action: String { "friend_poke" }
    public var user: ID

    public init(user: ID) {
        self.user = user
    }

    private enum CodingKeys: String, CodingKey { case user = "user_id" }
}

/// Likes a user's profile `times` times (`send_like`).
public struct SendLike: OneBotAction {
    public typealias Response = NoData
    public var action: String { "send_like" }
    public var user: ID
    public var times: Int

    public init(user: ID, times: Int = 1) {
        self.user = user
        self.times = times
    }

    private enum CodingKeys: String, CodingKey { case user = "user_id", times }
}
