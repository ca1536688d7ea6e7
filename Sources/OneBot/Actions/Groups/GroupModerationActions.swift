import VioCore

/// Removes a member from a group (`set_group_kick`).
public struct SetGroupKick: OneBotAction {
    public typealias Response = NoData
    public var action: String { "set_group_kick" }
    public var group: ID
    public var user: ID
    /// Refuse the member's future join requests.
    public var rejectAddRequest: Bool

    public init(group: ID, user: ID, rejectAddRequest: Bool = false) {
        self.group = group
        self.user = user
        self.rejectAddRequest = rejectAddRequest
    }

    private enum CodingKeys: String, CodingKey { case group = "group_id", user = "user_id", rejectAddRequest = "reject_add_request" }
}

/// Mutes a member for a time; zero lifts the mute (`set_group_ban`).
public struct SetGroupBan: OneBotAction {
    public typealias Response = NoData
    public var action: String { "set_group_ban" }
    public var group: ID
    public var user: ID
    /// Whole seconds; QQ allows up to 30 days.
    public var seconds: Int64

    public init(group: ID, user: ID, duration: Duration) {
        self.group = group
        self.user = user
        self.seconds = duration.components.seconds
    }

    private enum CodingKeys: String, CodingKey { case group = "group_id", user = "user_id", seconds = "duration" }
}

/// Mutes an anonymous sender, by the `flag` of their message (`set_group_anonymous_ban`).
public struct SetGroupAnonymousBan: OneBotAction {
    public typealias Response = NoData
    public var action: String { "set_group_anonymous_ban" }
    public var group: ID
    public var flag: String
    public var seconds: Int64

    public init(group: ID, flag: String, duration: Duration) {
        self.group = group
        self.flag = flag
        self.seconds = duration.components.seconds
    }

    private enum CodingKeys: String, CodingKey { case group = "group_id", flag, seconds = "duration" }
}

/// Mutes or unmutes the whole group (`set_group_whole_ban`).
public struct SetGroupWholeBan: OneBotAction {
    public typealias Response = NoData
    public var action: String { "set_group_whole_ban" }
    public var group: ID
    public var enable: Bool

    public init(group: ID, enable: Bool = true) {
        self.group = group
        self.enable = enable
    }

    private enum CodingKeys: String, CodingKey { case group = "group_id", enable }
}

/// Makes a member an admin or takes it back (`set_group_admin`).
public struct SetGroupAdmin: OneBotAction {
    public typealias Response = NoData
    public var action: String { "set_group_admin" }
    public var group: ID
    public var user: ID
    public var enable: Bool

    public init(group: ID, user: ID, enable: Bool = true) {
        self.group = group
        self.user = user
        self.enable = enable
    }

    private enum CodingKeys: String, CodingKey { case group = "group_id", user = "user_id", enable }
}

/// Allows or forbids anonymous messages in a group (`set_group_anonymous`).
public struct SetGroupAnonymous: OneBotAction {
    public typealias Response = NoData
    public var action: String { "set_group_anonymous" }
    public var group: ID
    public var enable: Bool

    public init(group: ID, enable: Bool = true) {
        self.group = group
        self.enable = enable
    }

    private enum CodingKeys: String, CodingKey { case group = "group_id", enable }
}
