import Foundation
import Synchronization
import VioCore

/// A ``ChatActions`` for tests: records every action and answers from what the test set up.
///
/// ```swift
/// let actions = RecordingActions()
/// await bot.handle(.message(.test(text: "/ping")), via: actions)
/// #expect(actions.sentTexts == ["pong"])
/// ```
public final class RecordingActions: ChatActions {
    /// One thing a handler asked the platform to do.
    public enum Action: Hashable, Sendable {
        case send(OutgoingMessage, to: Chat)
        case mute(user: ID, group: ID, duration: Duration)
        case kick(user: ID, group: ID)
        case edit(message: ID, chat: Chat, text: String)
        case editMarkdown(message: ID, chat: Chat, markdown: String)
        case recall(message: ID, chat: Chat)
        case fetchMessage(id: ID, chat: Chat)
        case downloadFile(id: String, maxBytes: Int)
        case memberInfo(user: ID, group: ID)
        case administrators(group: ID)
        case call(String, params: JSONValue)
    }

    private struct State {
        var actions: [Action] = []
        var nextMessageID: Int64 = 1000
        var messages: [ID: InboundMessage] = [:]
        var members: [ID: MemberInfo] = [:]
        var files: [String: Data] = [:]
        var failures: [Capability: any Error] = [:]
    }

    public let platform: Platform
    public let botID: ID?
    private let state = Mutex(State())

    /// - Parameter botID: the bot's own account, as a real adapter would report it.
    public init(platform: Platform = .console, botID: ID? = 1) {
        self.platform = platform
        self.botID = botID
    }

    /// Everything asked so far, in order.
    public var actions: [Action] { state.withLock { $0.actions } }

    /// The plain text of every sent message, in order.
    public var sentTexts: [String] {
        actions.compactMap { action in
            if case .send(let message, _) = action { return message.plainText }
            return nil
        }
    }

    /// Every sent message, in order.
    public var sentMessages: [OutgoingMessage] {
        actions.compactMap { action in
            if case .send(let message, _) = action { return message }
            return nil
        }
    }

    /// Makes `fetchMessage` find `message`.
    public func remember(_ message: InboundMessage) {
        state.withLock { $0.messages[message.messageID] = message }
    }

    /// Makes `memberInfo` find `member`.
    public func remember(_ member: MemberInfo) {
        state.withLock { $0.members[member.user] = member }
    }

    /// Makes `downloadFile` find `data` under `id`.
    public func remember(file data: Data, id: String) {
        state.withLock { $0.files[id] = data }
    }

    /// Makes every later use of `capability` throw `error`.
    public func fail(_ capability: Capability, with error: any Error) {
        state.withLock { $0.failures[capability] = error }
    }

    private func record(_ action: Action, as capability: Capability) throws {
        try state.withLock { state in
            state.actions.append(action)
            if let failure = state.failures[capability] { throw failure }
        }
    }

    public func send(_ message: OutgoingMessage, to chat: Chat) async throws -> ID? {
        try record(.send(message, to: chat), as: .send)
        return state.withLock { state in
            state.nextMessageID += 1
            return ID(state.nextMessageID)
        }
    }

    public func mute(user: ID, in group: ID, for duration: Duration) async throws {
        try record(.mute(user: user, group: group, duration: duration), as: .mute)
    }

    public func kick(user: ID, from group: ID) async throws {
        try record(.kick(user: user, group: group), as: .kick)
    }

    public func edit(message: ID, in chat: Chat, text: String) async throws {
        try record(.edit(message: message, chat: chat, text: text), as: .edit)
    }

    public func edit(message: ID, in chat: Chat, markdown: String) async throws {
        try record(.editMarkdown(message: message, chat: chat, markdown: markdown), as: .edit)
    }

    /// The text of every edit, plain or Markdown, in order.
    public var editedTexts: [String] {
        actions.compactMap { action in
            switch action {
            case .edit(_, _, let text), .editMarkdown(_, _, let text): text
            default: nil
            }
        }
    }

    /// The text of every Markdown edit, in order.
    public var markdownEdits: [String] {
        actions.compactMap { action in
            if case .editMarkdown(_, _, let markdown) = action { return markdown }
            return nil
        }
    }

    public func recall(message: ID, in chat: Chat) async throws {
        try record(.recall(message: message, chat: chat), as: .recall)
    }

    public func fetchMessage(id: ID, in chat: Chat) async throws -> InboundMessage {
        try record(.fetchMessage(id: id, chat: chat), as: .fetchMessage)
        guard let message = state.withLock({ $0.messages[id] }) else { throw RecordingActionsError.unknownMessage(id) }
        return message
    }

    /// The remembered file `id`; one larger than `maxBytes` is refused as a platform would.
    public func downloadFile(id: String, maxBytes: Int) async throws -> Data {
        try record(.downloadFile(id: id, maxBytes: maxBytes), as: .downloadFile)
        guard let data = state.withLock({ $0.files[id] }) else { throw RecordingActionsError.unknownFile(id) }
        guard data.count <= maxBytes else { throw RecordingActionsError.fileTooLarge(id, size: data.count) }
        return data
    }

    public func memberInfo(user: ID, in group: ID) async throws -> MemberInfo {
        try record(.memberInfo(user: user, group: group), as: .memberInfo)
        guard let member = state.withLock({ $0.members[user] }) else { throw RecordingActionsError.unknownMember(user) }
        return member
    }

    /// The remembered members of `group` who are its owner or administrators.
    public func administrators(in group: ID) async throws -> [MemberInfo] {
        try record(.administrators(group: group), as: .memberInfo)
        return state.withLock { $0.members.values }.filter { $0.group == group && $0.role >= .admin }.sorted { $0.user.description < $1.user.description }
    }

    public func call(_ action: String, params: JSONValue) async throws -> JSONValue {
        try record(.call(action, params: params), as: .call)
        return .null
    }
}

/// Lookups a test did not set up.
public enum RecordingActionsError: Error, Hashable, Sendable {
    case unknownMessage(ID)
    case unknownMember(ID)
    case unknownFile(String)
    case fileTooLarge(String, size: Int)
}

extension InboundMessage {
    /// A message for tests: a private message from user 42 to bot 1 unless told otherwise.
    public static func test(
        text: String,
        chat: Chat = .private(42),
        sender: Sender = Sender(id: 42, displayName: "Tester"),
        messageID: ID = 1,
        parts: [MessagePart]? = nil,
        addressed: Bool? = nil,
        platform: Platform = .console
    ) -> InboundMessage {
        InboundMessage(
            platform: platform, botID: 1, chat: chat, sender: sender, messageID: messageID, text: text,
            parts: parts, isAddressedToBot: addressed ?? chat.isPrivate
        )
    }
}
