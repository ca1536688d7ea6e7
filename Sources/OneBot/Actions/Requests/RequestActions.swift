import VioCore

/// Answers a friend request (`set_friend_add_request`).
public struct SetFriendAddRequest: OneBotAction {
    public typealias Response = NoData
    public var action: String { "set_friend_add_request" }
    /// The request's `flag`.
    public var flag: String
    public var approve: Bool
    /// The remark to give the new friend.
    public var remark: String?

    public init(flag: String, approve: Bool = true, remark: String? = nil) {
        self.flag = flag
        self.approve = approve
        self.remark = remark
    }
}

/// Answers a join request or an invitation (`set_group_add_request`).
public struct SetGroupAddRequest: OneBotAction {
    public typealias Response = NoData
    public var action: String { "set_group_add_request" }
    /// The request's `flag`.
    public var flag: String
    /// `add` or `invite`, as in the request's `sub_type`.
    public var subType: String
    public var approve: Bool
    /// Why it was refused.
    public var reason: String?

    public init(_ request: GroupRequest, approve: Bool = true, reason: String? = nil) {
        self.flag = request.flag
        self.subType = request.isInvitation ? "invite" : "add"
        self.approve = approve
        self.reason = reason
    }

    private enum CodingKeys: String, CodingKey { case flag, subType = "sub_type", approve, reason }
}
