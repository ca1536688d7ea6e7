import Foundation
import Synchronization
import VioCore

/// VioCore's ``ChatActions`` for one Telegram bot: sending (text, pictures and voice clips by URL or
/// data, replies, mentions), muting, kicking, deleting, member lookups, downloading received files,
/// and any Bot API method by name.
///
/// ```swift
/// let actions = TelegramActions(client: client)
/// await bot.handle(event, via: actions)
/// ```
///
/// Telegram cannot fetch an earlier message by id, so ``fetchMessage(id:in:)`` stays unsupported.
public struct TelegramActions: ChatActions {
    public let platform = Platform.telegram
    public let client: TelegramClient
    /// Members' standing and groups' administrators as Telegram said lately; the adapter keeps it
    /// current from `chat_member` updates and join and leave messages.
    public let members: MemberCache
    private let now: @Sendable () -> Date
    private let names: NameBook

    /// - Parameters:
    ///   - now: the clock mute end dates are computed from; tests pass their own.
    ///   - members: the cache of member lookups (five minutes by default).
    public init(client: TelegramClient, now: @escaping @Sendable () -> Date = { Date() }, members: MemberCache = MemberCache()) {
        self.client = client
        self.now = now
        self.members = members
        self.names = NameBook()
    }

    /// Remembers a user's name so mentions of them show it rather than their id.
    public func remember(_ user: User) {
        names.remember(user)
    }

    @discardableResult
    public func send(_ message: OutgoingMessage, to chat: Chat) async throws -> ID? {
        var firstID: ID?
        for step in OutgoingPlan(message, to: ChatTarget(chat.id), name: names.name(of:)).steps {
            let sent = switch step {
            case .text(let method): try await client.call(method, readingResultAs: SentMessageID.self)
            case .photo(let method): try await client.call(method, readingResultAs: SentMessageID.self)
            case .voice(let method): try await client.call(method, readingResultAs: SentMessageID.self)
            }
            firstID = firstID ?? ID(sent.messageID)
        }
        return firstID
    }

    /// Restricts the user from sending anything until `duration` has passed; zero lifts the mute.
    ///
    /// Telegram treats a mute under 30 seconds or over 366 days as permanent, so such lengths are
    /// raised to 30 seconds or lowered to 366 days, and a notice is logged saying so.
    public func mute(user: ID, in group: ID, for duration: Duration) async throws {
        let userID = try Self.userID(user)
        guard duration > .zero else {
            try await client.call(RestrictChatMember(chatID: ChatTarget(group), userID: userID, permissions: .everything))
            return
        }
        let restriction = MuteRestriction(duration: duration, now: now())
        if let adjustment = restriction.adjustment {
            client.logger.log(.notice, "mute length adjusted: Telegram treats mutes under 30 s or over 366 days as forever", metadata: [
                "requested": "\(duration)", "applied": "\(restriction.duration)",
                "adjustment": adjustment == .raisedToShortest ? "raised to 30 s" : "lowered to 366 days",
            ])
        }
        try await client.call(RestrictChatMember(
            chatID: ChatTarget(group), userID: userID, permissions: .readOnly, untilDate: restriction.untilDate))
    }

    /// Removes the user and lets them rejoin later (a ban immediately lifted).
    public func kick(user: ID, from group: ID) async throws {
        let userID = try Self.userID(user)
        try await client.call(BanChatMember(chatID: ChatTarget(group), userID: userID))
        try await client.call(UnbanChatMember(chatID: ChatTarget(group), userID: userID, onlyIfBanned: true))
    }

    /// `editMessageText`, plain text.
    public func edit(message: ID, in chat: Chat, text: String) async throws {
        guard let messageID = message.int64Value else { throw TelegramAdapterError.notATelegramID(message) }
        _ = try await client.call(EditMessageText(chatID: ChatTarget(chat.id), messageID: messageID, text: text))
    }

    /// `editMessageText` with the Markdown shown formatted (``FormattedText/init(markdown:)``, sent
    /// as HTML). Should Telegram refuse the markup, the text goes as written; a message that already
    /// shows the text is left as it is.
    public func edit(message: ID, in chat: Chat, markdown: String) async throws {
        guard let messageID = message.int64Value else { throw TelegramAdapterError.notATelegramID(message) }
        let formatted = FormattedText(markdown: markdown)
        let target = ChatTarget(chat.id)
        guard !formatted.isPlain else {
            return try await editUnlessShown(EditMessageText(chatID: target, messageID: messageID, text: formatted.plainText))
        }
        do {
            try await editUnlessShown(EditMessageText(chatID: target, messageID: messageID, text: formatted.html, parseMode: .html))
        } catch let error as TelegramError where error.kind == .badRequest {
            client.logger.log(.notice, "Telegram refused a formatted text; it is sent as written", metadata: ["error": "\(error)"])
            try await editUnlessShown(EditMessageText(chatID: target, messageID: messageID, text: markdown))
        }
    }

    private func editUnlessShown(_ edit: EditMessageText) async throws {
        do {
            _ = try await client.call(edit)
        } catch let error as TelegramError where error.isMessageNotModified {
            return
        }
    }

    public func recall(message: ID, in chat: Chat) async throws {
        guard let messageID = message.int64Value else { throw TelegramAdapterError.notATelegramID(message) }
        try await client.call(DeleteMessage(chatID: ChatTarget(chat.id), messageID: messageID))
    }

    /// A received file by its `file_id` (`getFile`, then the download, which holds the token and
    /// never leaves this client); one over `maxBytes` is refused before or while it is read.
    public func downloadFile(id: String, maxBytes: Int) async throws -> Data {
        try await client.download(try await client.call(GetFile(fileID: id)), maximumBodySize: maxBytes)
    }

    /// The member's standing (`getChatMember`), from ``members`` while fresh.
    public func memberInfo(user: ID, in group: ID) async throws -> MemberInfo {
        if let known = members.member(user, in: group) { return known }
        let member = Self.memberInfo(try await client.call(GetChatMember(chatID: ChatTarget(group), userID: try Self.userID(user))), group: group)
        members.remember(member)
        return member
    }

    /// The owner and administrators of a group (`getChatAdministrators`; other bots left out, as
    /// Telegram does), from ``members`` while fresh.
    public func administrators(in group: ID) async throws -> [MemberInfo] {
        if let known = members.administrators(in: group) { return known }
        let administrators = try await client.call(GetChatAdministrators(chatID: ChatTarget(group))).map { Self.memberInfo($0, group: group) }
        members.remember(administrators: administrators, of: group)
        return administrators
    }

    public func call(_ action: String, params: JSONValue) async throws -> JSONValue {
        try await client.call(method: action, params: params)
    }

    static func memberInfo(_ member: ChatMember, group: ID) -> MemberInfo {
        let role: MemberRole = switch member.status {
        case .creator: .owner
        case .administrator: .admin
        default: .member
        }
        return MemberInfo(user: ID(member.user.id), group: group, displayName: member.user.fullName, role: role, title: member.customTitle)
    }

    private static func userID(_ id: ID) throws -> Int64 {
        guard let value = id.int64Value else { throw TelegramAdapterError.notATelegramID(id) }
        return value
    }
}

/// Of a sent message, only its id: all a send needs, and much less to decode than the message.
struct SentMessageID: Decodable, Sendable {
    let messageID: Int64

    private enum CodingKeys: String, CodingKey {
        case messageID = "message_id"
    }
}

/// Names of users seen lately, for showing mentions; bounded so it never grows without end.
final class NameBook: Sendable {
    private let names = Mutex<[Int64: String]>([:])
    private let capacity = 10_000

    func name(of user: Int64) -> String? {
        names.withLock { $0[user] }
    }

    func remember(_ user: User) {
        names.withLock { names in
            if names.count >= capacity { names.removeAll(keepingCapacity: true) }
            names[user.id] = user.fullName
        }
    }
}

/// An id VioCore handed the Telegram adapter that Telegram cannot use.
public enum TelegramAdapterError: Error, Hashable, Sendable, CustomStringConvertible {
    case notATelegramID(ID)

    public var description: String {
        switch self {
        case .notATelegramID(let id): "\(id) is not a Telegram user or message id (those are numbers)"
        }
    }
}

extension ChatTarget {
    /// A VioCore id as a Telegram chat: numbers are chat ids, text is a `@username`.
    public init(_ id: ID) {
        switch id.value {
        case .int(let number): self = .id(number)
        case .string(let name): self = .username(name.hasPrefix("@") ? name : "@" + name)
        }
    }
}
