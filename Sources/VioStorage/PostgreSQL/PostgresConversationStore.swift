import Foundation
import PostgresNIO
import VioCore

/// VioCore's ``ConversationStore`` in PostgreSQL, shared by every vio-server on the database.
///
/// An append is one `INSERT` of all its turns (all or none), numbered by the table's sequence, so
/// appends from several instances at once never lose a turn; only the newest ``retainedTurns`` of a
/// conversation are kept.
struct PostgresConversationStore: ConversationStore {
    let database: PostgresDatabase
    /// Turns kept per conversation; older ones are deleted as new ones arrive.
    var retainedTurns = 200

    func append(_ turns: [ConversationTurn], to key: ConversationKey) async throws {
        guard !turns.isEmpty else { return }
        let conversation = key.rawValue
        let roles = turns.map(\.role.rawValue), contents = turns.map(\.content), dates = turns.map(\.date)
        let keptBefore = max(retainedTurns - turns.count, 0)
        try await database.write("append \(turns.count) turns to \(key)") { client in
            // One statement, one round trip: the insert, and the trim of what it pushes past the
            // retention. The trim sees the table as it was before the insert, so it keeps that
            // many fewer of the older turns.
            try await client.query("""
                WITH inserted AS (
                    INSERT INTO conversation_turn (conversation, role, content, created_at)
                    SELECT \(conversation), role, content, created_at
                    FROM unnest(\(roles)::text[], \(contents)::text[], \(dates)::timestamptz[]) AS turn(role, content, created_at))
                DELETE FROM conversation_turn WHERE conversation = \(conversation) AND id <= (
                    SELECT id FROM conversation_turn WHERE conversation = \(conversation) ORDER BY id DESC OFFSET \(keptBefore) LIMIT 1)
                """)
        }
    }

    func history(of key: ConversationKey, limit: HistoryLimit) async throws -> [ConversationTurn] {
        let conversation = key.rawValue
        let count = max(limit.maxTurns, 0)
        let newestFirst = try await database.run("load \(key)") { client in
            var turns: [ConversationTurn] = []
            let rows = try await client.query("""
                SELECT role, content, created_at FROM conversation_turn
                WHERE conversation = \(conversation) ORDER BY id DESC LIMIT \(count)
                """)
            for try await (role, content, date) in rows.decode((String, String, Date).self) {
                guard let role = ConversationTurn.Role(rawValue: role) else { continue }
                turns.append(ConversationTurn(role: role, content: content, date: date))
            }
            return turns
        }
        return limit.apply(to: newestFirst.reversed())
    }

    func reset(_ key: ConversationKey) async throws {
        let conversation = key.rawValue
        try await database.write("forget \(key)") { client in
            try await client.query("DELETE FROM conversation_turn WHERE conversation = \(conversation)")
        }
    }
}
