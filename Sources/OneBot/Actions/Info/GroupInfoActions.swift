import VioCore

/// A group's name and size (`get_group_info`).
public struct GetGroupInfo: OneBotAction {
    public typealias Response = GroupInfo
    public var action: String { "get_group_info" }
    public var group: ID
    public var noCache: Bool

    public init(group: ID, noCache: Bool = false) {
        self.group = group
        self.noCache = noCache
    }

    private enum CodingKeys: String, CodingKey { case group = "group_id", noCache = "no_cache" }
}

/// The groups the bot is in (`get_group_list`).
public struct GetGroupList: OneBotAction {
    public typealias Response = [GroupInfo]
    public var action: String { "get_group_list" }
    public init() {}
}

/// One member of a group (`get_group_member_info`).
public struct GetGroupMemberInfo: OneBotAction {
    public typealias Response = GroupMemberInfo
    public var action: String { "get_group_member_info" }
    public var group: ID
    public var user: ID
    public var noCache: Bool

    public init(group: ID, user: ID, noCache: Bool = false) {
        self.group = group
        self.user = user
        self.noCache = noCache
    }

    private enum CodingKeys: String, CodingKey { case group = "group_id", user = "user_id", noCache = "no_cache" }
}

/// Every member of a group (`get_group_member_list`).
public struct GetGroupMemberList: OneBotAction {
    public typealias Response = [GroupMemberInfo]
    public var action: String { "get_group_member_list" }
    public var group: ID

    public init(group: ID) {
        self.group = group
    }

    private enum CodingKeys: String, CodingKey { case group = "group_id" }
}

/// A group's honors (`get_group_honor_info`); `type` is `talkative`, `performer`, `legend`,
/// `strong_newbie`, `emotion` or `all`.
public struct GetGroupHonorInfo: OneBotAction {
    public typealias Response = GroupHonorInfo
    public var action: String { "get_group_honor_info" }
    public var group: ID
    public var type: String

    public init(group: ID, type: String = "all") {
        self.group = group
        self.type = type
    }

    private enum CodingKeys: String, CodingKey { case group = "group_id", type }
}
