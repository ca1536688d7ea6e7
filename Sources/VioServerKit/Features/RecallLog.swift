import Foundation
import VioCore

/// Middleware that keeps every group message it sees for 72 hours, so a recalled message can be
/// shown even when the platform no longer returns it.
struct RecallLog: BotMiddleware {
    /// A group message as the log keeps it.
    struct Entry: Codable, Hashable, Sendable {
        var sender: ID
        var senderName: String
        var content: String
        var date: Date
    }

    static let namespace = "recall-log"
    /// How long messages and recall records are kept.
    static let retention: Duration = .seconds(72 * 3600)

    let records: any KeyValueStore

    func handle(_ context: BotContext, next: Next) async throws {
        let message = context.message
        if message.chat.isGroup {
            let entry = Entry(sender: message.sender.id, senderName: message.sender.displayName, content: message.transcript, date: message.date)
            do {
                try await records.set(entry, for: Self.key(message.messageID, in: message.chat, on: message.platform),
                                      in: Self.namespace, expiresAfter: Self.retention)
            } catch {
                context.logger.warning("could not log a group message for the recall viewer", metadata: ["error": "\(error)"])
            }
        }
        try await next(context)
    }

    /// The logged message `id` of `chat`, if it was seen in the last 72 hours.
    func entry(for id: ID, in chat: Chat, on platform: Platform) async throws -> Entry? {
        try await records.get(Entry.self, for: Self.key(id, in: chat, on: platform), in: Self.namespace)
    }

    static func key(_ id: ID, in chat: Chat, on platform: Platform) -> String {
        "\(platform)/\(chat.id)/\(id)"
    }
}
