/// Something a bot asked a platform to do and cannot be done.
public enum VioError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The platform has no way to do this (muting on the HTTP endpoint, a merged forward on Telegram…).
    case unsupported(Capability, Platform)
    /// The action needs a group chat and was asked in another kind of chat.
    case needsGroupChat(Capability)
    /// The connection to the platform is gone; the action was not performed.
    case notConnected(Platform)

    public var description: String {
        switch self {
        case .unsupported(let capability, let platform):
            "\(platform) cannot \(capability)"
        case .needsGroupChat(let capability):
            "\(capability) works in group chats only"
        case .notConnected(let platform):
            "no \(platform) connection is open; the action was not sent"
        }
    }
}

/// An error whose text may be shown to the user in chat as it is.
///
/// When a handler throws one, the bot replies with `userMessage`; any other error gets the bot's
/// generic apology and its detail goes to the log only.
public protocol UserFacingError: Error {
    /// A short, friendly sentence for the chat.
    var userMessage: String { get }
}
