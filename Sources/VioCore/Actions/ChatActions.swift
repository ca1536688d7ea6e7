import Foundation

/// What a platform adapter can do on behalf of a bot. One value per connection (one QQ account,
/// one Telegram bot, one HTTP request).
///
/// Only `platform` and `send` are required; every other action defaults to throwing
/// ``VioError/unsupported(_:_:)``, so an adapter implements what its platform offers and says so
/// for the rest. Every method may be called many times and concurrently.
public protocol ChatActions: Sendable {
    var platform: Platform { get }

    /// The bot's own account on this connection, when the adapter knows it; lets handlers ignore
    /// notices about the bot itself.
    var botID: ID? { get }

    /// Sends `message` to `chat` and returns the new message's id when the platform reports one.
    @discardableResult
    func send(_ message: OutgoingMessage, to chat: Chat) async throws -> ID?

    /// Mutes `user` in `group` for `duration`; a zero duration lifts the mute.
    func mute(user: ID, in group: ID, for duration: Duration) async throws

    /// Removes `user` from `group`.
    func kick(user: ID, from group: ID) async throws

    /// Takes back a message.
    func recall(message: ID, in chat: Chat) async throws

    /// Looks up an earlier message by id.
    func fetchMessage(id: ID, in chat: Chat) async throws -> InboundMessage

    /// Looks up a member of a group.
    func memberInfo(user: ID, in group: ID) async throws -> MemberInfo

    /// The owner and administrators of a group.
    func administrators(in group: ID) async throws -> [MemberInfo]

    /// Calls a platform action by its own name, for what VioCore does not model.
    func call(_ action: String, params: JSONValue) async throws -> JSONValue
}

extension ChatActions {
    public var botID: ID? { nil }

    public func mute(user: ID, in group: ID, for duration: Duration) async throws {
        throw VioError.unsupported(.mute, platform)
    }

    public func kick(user: ID, from group: ID) async throws {
        throw VioError.unsupported(.kick, platform)
    }

    public func recall(message: ID, in chat: Chat) async throws {
        throw VioError.unsupported(.recall, platform)
    }

    public func fetchMessage(id: ID, in chat: Chat) async throws -> InboundMessage {
        throw VioError.unsupported(.fetchMessage, platform)
    }

    public func memberInfo(user: ID, in group: ID) async throws -> MemberInfo {
        throw VioError.unsupported(.memberInfo, platform)
    }

    public func administrators(in group: ID) async throws -> [MemberInfo] {
        throw VioError.unsupported(.memberInfo, platform)
    }

    public func call(_ action: String, params: JSONValue) async throws -> JSONValue {
        throw VioError.unsupported(.call, platform)
    }
}
