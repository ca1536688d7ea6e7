import Foundation
import OneBot
import VioCore

/// A platform's actions, counted: each call is a `vio_actions_total` (and, when it throws, a
/// `vio_action_failures_total`) with the platform and the action's name, and in ``BotActivity``
/// per bot account. Everything else is the platform's own.
struct MeteredActions: ChatActions {
    let base: any ChatActions
    let metrics: ServerMetrics

    init(_ base: any ChatActions, metrics: ServerMetrics) {
        self.base = base
        self.metrics = metrics
    }

    var platform: Platform { base.platform }
    var botID: ID? { base.botID }

    func send(_ message: OutgoingMessage, to chat: Chat) async throws -> ID? {
        try await counted("send") { try await base.send(message, to: chat) }
    }

    func mute(user: ID, in group: ID, for duration: Duration) async throws {
        try await counted("mute") { try await base.mute(user: user, in: group, for: duration) }
    }

    func kick(user: ID, from group: ID) async throws {
        try await counted("kick") { try await base.kick(user: user, from: group) }
    }

    func edit(message: ID, in chat: Chat, text: String) async throws {
        try await counted("edit") { try await base.edit(message: message, in: chat, text: text) }
    }

    func edit(message: ID, in chat: Chat, markdown: String) async throws {
        try await counted("edit") { try await base.edit(message: message, in: chat, markdown: markdown) }
    }

    func recall(message: ID, in chat: Chat) async throws {
        try await counted("recall") { try await base.recall(message: message, in: chat) }
    }

    func fetchMessage(id: ID, in chat: Chat) async throws -> InboundMessage {
        try await counted("fetch_message") { try await base.fetchMessage(id: id, in: chat) }
    }

    func downloadFile(id: String, maxBytes: Int) async throws -> Data {
        try await counted("download_file") { try await base.downloadFile(id: id, maxBytes: maxBytes) }
    }

    func memberInfo(user: ID, in group: ID) async throws -> MemberInfo {
        try await counted("member_info") { try await base.memberInfo(user: user, in: group) }
    }

    func administrators(in group: ID) async throws -> [MemberInfo] {
        try await counted("administrators") { try await base.administrators(in: group) }
    }

    func call(_ action: String, params: JSONValue) async throws -> JSONValue {
        try await counted("call") { try await base.call(action, params: params) }
    }

    private func counted<Value>(_ action: String, _ body: () async throws -> Value) async throws -> Value {
        do {
            let value = try await body()
            metrics.action(action, on: base.platform, account: base.botID, outcome: .done)
            return value
        } catch {
            metrics.action(action, on: base.platform, account: base.botID, outcome: Self.outcome(of: error))
            throw error
        }
    }

    /// A cancelled action counts as done (the bot stopped waiting, nothing failed); one the
    /// platform did not answer in time, as timed out.
    private static func outcome(of error: any Error) -> BotActivity.Outcome {
        switch error {
        case is CancellationError: .done
        case OneBotError.timedOut: .timedOut
        case TransportError.timedOut: .timedOut
        default: .failed
        }
    }
}
