import VioCore

/// Someone asks the bot for something (`post_type` `request`); answer with
/// ``SetFriendAddRequest`` or ``SetGroupAddRequest`` and the request's `flag`.
public enum RequestEvent: Hashable, Sendable {
    /// A friend request.
    case friend(FriendRequest)
    /// A request to join a group the bot administers (`add`), or an invitation of the bot (`invite`).
    case group(GroupRequest)
    case unknown(requestType: String)

    init(_ fields: FrameFields) throws {
        let type = try fields.required(fields.requestType, "request_type")
        switch type {
        case "friend": self = .friend(try FriendRequest(fields))
        case "group": self = .group(try GroupRequest(fields))
        default: self = .unknown(requestType: type)
        }
    }
}
