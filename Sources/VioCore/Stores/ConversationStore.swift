import Foundation

/// Which conversation a turn belongs to: one per user in private chats, one per (group, user) in groups.
public struct ConversationKey: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// The conversation of `user` in `chat`.
    public init(platform: Platform, chat: Chat, user: ID) {
        switch chat.kind {
        case .private: rawValue = "\(platform)/private/\(user)"
        case .group, .channel: rawValue = "\(platform)/\(chat.kind.rawValue)/\(chat.id)/user/\(user)"
        }
    }

    /// The conversation a message belongs to.
    public init(_ message: InboundMessage) {
        self.init(platform: message.platform, chat: message.chat, user: message.sender.id)
    }

    public var description: String { rawValue }
}

/// One message of a conversation with a model.
public struct ConversationTurn: Hashable, Sendable, Codable {
    public enum Role: String, Hashable, Sendable, Codable {
        case system, user, assistant
    }

    public var role: Role
    public var content: String
    public var date: Date

    public init(role: Role, content: String, date: Date = Date()) {
        self.role = role
        self.content = content
        self.date = date
    }
}

/// How much history to load: at most `maxTurns` turns and, when set, at most `tokenBudget` estimated
/// tokens (see ``TokenEstimate``). The newest turns are kept.
public struct HistoryLimit: Hashable, Sendable {
    public var maxTurns: Int
    public var tokenBudget: Int?

    public init(maxTurns: Int, tokenBudget: Int? = nil) {
        self.maxTurns = maxTurns
        self.tokenBudget = tokenBudget
    }

    /// The newest turns of `turns` (oldest first) that fit the limit, still oldest first.
    public func apply(to turns: [ConversationTurn]) -> [ConversationTurn] {
        var kept = turns.suffix(max(maxTurns, 0))
        if let tokenBudget {
            var spent = 0
            var firstKept = kept.endIndex
            for index in kept.indices.reversed() {
                spent += TokenEstimate.tokens(in: kept[index])
                guard spent <= tokenBudget else { break }
                firstKept = index
            }
            kept = kept[firstKept...]
        }
        return Array(kept)
    }
}

/// Remembers conversations with a model, so every turn is sent with its context.
///
/// Implementations must keep turns in the order appended and survive concurrent use.
/// `VioCoreTesting.StoreContract` checks an implementation against this contract.
public protocol ConversationStore: Sendable {
    /// Adds turns to the end of a conversation, all or none.
    func append(_ turns: [ConversationTurn], to key: ConversationKey) async throws

    /// The newest turns of a conversation within `limit`, oldest first.
    func history(of key: ConversationKey, limit: HistoryLimit) async throws -> [ConversationTurn]

    /// Forgets a conversation.
    func reset(_ key: ConversationKey) async throws
}
