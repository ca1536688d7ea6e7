import VioCore

/// The bot account (`get_login_info`).
public struct GetLoginInfo: OneBotAction {
    public typealias Response = LoginInfo
    public var action: String { "get_login_info" }
    public init() {}
}

/// A user's public profile (`get_stranger_info`).
public struct GetStrangerInfo: OneBotAction {
    public typealias Response = UserInfo
    public var action: String { "get_stranger_info" }
    public var user: ID
    public var noCache: Bool

    public init(user: ID, noCache: Bool = false) {
        self.user = user
        self.noCache = noCache
    }

    private enum CodingKeys: String, CodingKey { case user = "user_id", noCache = "no_cache" }
}

/// The bot's friends (`get_friend_list`).
public struct GetFriendList: OneBotAction {
    public typealias Response = [UserInfo]
    public var action: String { "get_friend_list" }
    public init() {}
}

/// The implementation's name and version (`get_version_info`); use it to detect NapCat, go-cqhttp…
public struct GetVersionInfo: OneBotAction {
    public typealias Response = VersionInfo
    public var action: String { "get_version_info" }
    public init() {}
}

/// Whether the implementation is online and healthy (`get_status`).
public struct GetStatus: OneBotAction {
    public typealias Response = StatusInfo
    public var action: String { "get_status" }
    public init() {}
}

/// Whether the implementation can send pictures (`can_send_image`).
public struct CanSendImage: OneBotAction {
    public typealias Response = YesNo
    public var action: String { "can_send_image" }
    public init() {}
}

/// Whether the implementation can send voice clips (`can_send_record`).
public struct CanSendRecord: OneBotAction {
    public typealias Response = YesNo
    public var action: String { "can_send_record" }
    public init() {}
}

/// Restarts the implementation (`set_restart`).
public struct SetRestart: OneBotAction {
    public typealias Response = NoData
    public var action: String { "set_restart" }
    /// Milliseconds to wait before restarting.
    public var delay: Int

    public init(delay: Int = 0) {
        self.delay = delay
    }
}

/// Clears the implementation's cache (`clean_cache`).
public struct CleanCache: OneBotAction {
    public typealias Response = NoData
    public var action: String { "clean_cache" }
    public init() {}
}
