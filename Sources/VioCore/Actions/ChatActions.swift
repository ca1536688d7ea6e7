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

    /// Replaces the text of a message the bot sent (a Telegram answer that grows as it streams).
    func edit(message: ID, in chat: Chat, text: String) async throws
    /// Replaces the text of a message the bot sent with Markdown (what chat models write), shown
    /// formatted where the platform can (Telegram: bold, code, links…); by default it is sent as
    /// written through ``edit(message:in:text:)``.
    ///
    /// ```swift
    /// try await context.actions.edit(message: sent, in: context.chat, markdown: "**done** ✅")
    /// ```
    func edit(message: ID, in chat: Chat, markdown: String) async throws
    /// Takes back a message.
    func recall(message: ID, in chat: Chat) async throws

    /// Looks up an earlier message by id.
    func fetchMessage(id: ID, in chat: Chat) async throws -> InboundMessage

    /// Downloads a file a received message holds, by the platform's id of it (the `fileID` of an
    /// ``MessagePart/image(url:fileID:)``), refusing one larger than `maxBytes`.
    ///
    /// ```swift
    /// for case .image(_, let fileID?) in context.message.parts {
    ///     let jpeg = try await context.actions.downloadFile(id: fileID, maxBytes: 5 << 20)
    /// }
    /// ```
    func downloadFile(id: String, maxBytes: Int) async throws -> Data
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

    public func edit(message: ID, in chat: Chat, text: String) async throws {
        throw VioError.unsupported(.edit, platform)
    }

    public func edit(message: ID, in chat: Chat, markdown: String) async throws {
        try await edit(message: message, in: chat, text: markdown)
    }

    public func recall(message: ID, in chat: Chat) async throws {
        throw VioError.unsupported(.recall, platform)
    }

    public func fetchMessage(id: ID, in chat: Chat) async throws -> InboundMessage {
        throw VioError.unsupported(.fetchMessage, platform)
    }

    public func downloadFile(id: String, maxBytes: Int) async throws -> Data {
        throw VioError.unsupported(.downloadFile, platform)
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
