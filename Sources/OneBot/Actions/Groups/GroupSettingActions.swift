import VioCore

/// Sets a member's group card; empty clears it (`set_group_card`).
public struct SetGroupCard: OneBotAction {
    public typealias Response = NoData
    public var action: String { "set_group_card" }
    public var group: ID
    public var user: ID
    public var card: String

    public init(group: ID, user: ID, card: String) {
        self.group = group
        self.user = user
        self.card = card
    }

    private enum CodingKeys: String, CodingKey { case group = "group_id", user = "user_id", card }
}

/// Renames a group (`set_group_name`).
public struct SetGroupName: OneBotAction {
    public typealias Response = NoData
    public var action: String { "set_group_name" }
    public var group: ID
    public var name: String

    public init(group: ID, name: String) {
        self.group = group
        self.name = name
    }

    private enum CodingKeys: String, CodingKey { case group = "group_id", name = "group_name" }
}

/// Leaves a group; the owner may dismiss it instead (`set_group_leave`).
public struct SetGroupLeave: OneBotAction {
    public typealias Response = NoData
    public var action: String { "set_group_leave" }
    public var group: ID
    public var dismiss: Bool

    public init(group: ID, dismiss: Bool = false) {
        self.group = group
        self.dismiss = dismiss
    }

    private enum CodingKeys: String, CodingKey { case group = "group_id", dismiss = "is_dismiss" }
}

/// Gives a member a special title; the bot must own the group (`set_group_special_title`).
public struct SetGroupSpecialTitle: OneBotAction {
    public typealias Response = NoData
    public var action: String { "set_group_special_title" }
    public var group: ID
    public var user: ID
    public var title: String
    /// Seconds until it expires; -1 for never.
    public var seconds: Int64

    public init(group: ID, user: ID, title: String, duration: Duration? = nil) {
        self.group = group
        self.user = user
        self.title = title
        self.seconds = duration?.components.seconds ?? -1
    }

    private enum CodingKeys: String, CodingKey { case group = "group_id", user = "user_id", title = "special_title", seconds = "duration" }
}

/// Uploads a file on the peer's machine to a group's files (`upload_group_file`).
public struct UploadGroupFile: OneBotAction {
    public typealias Response = NoData
    public var action: String { "upload_group_file" }
    public var group: ID
    /// A path on the peer's machine.
    public var file: String
    public var name: String
    /// The folder id; `nil` for the root.
    public var folder: String?

    public init(group: ID, file: String, name: String, folder: String? = nil) {
        self.group = group
        self.file = file
        self.name = name
        self.folder = folder
    }

    private enum CodingKeys: String, CodingKey { case group = "group_id", file, name, folder }
}
