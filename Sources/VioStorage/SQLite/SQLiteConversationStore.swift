import Foundation
import GRDB
import VioCore

/// VioCore's ``ConversationStore`` in SQLite: conversations survive restarts.
///
/// Its statements are prepared once per connection and reused (GRDB's cached statements): every chat
/// turn reads a conversation and appends to it, and preparing the SQL each time cost more than running it.
struct SQLiteConversationStore: ConversationStore {
    let database: SQLiteDatabase
    /// Turns kept per conversation; older ones are deleted as new ones arrive.
    var retainedTurns = 200

    func append(_ turns: [ConversationTurn], to key: ConversationKey) async throws {
        try await database.pool.write { db in
            let insert = try db.cachedStatement(sql: "INSERT INTO conversation_turn (conversation, role, content, created_at) VALUES (?, ?, ?, ?)")
            for turn in turns {
                try insert.execute(arguments: [key.rawValue, turn.role.rawValue, turn.content, turn.date.timeIntervalSince1970])
            }
            try db.cachedStatement(sql: """
                DELETE FROM conversation_turn WHERE conversation = ? AND id <= (
                    SELECT id FROM conversation_turn WHERE conversation = ? ORDER BY id DESC LIMIT 1 OFFSET ?)
                """).execute(arguments: [key.rawValue, key.rawValue, retainedTurns])
        }
    }

    func history(of key: ConversationKey, limit: HistoryLimit) async throws -> [ConversationTurn] {
        let turns = try await database.pool.read { db in
            try Row.fetchAll(
                db.cachedStatement(sql: "SELECT role, content, created_at FROM conversation_turn WHERE conversation = ? ORDER BY id DESC LIMIT ?"),
                arguments: [key.rawValue, max(limit.maxTurns, 0)]
            ).reversed().compactMap { row -> ConversationTurn? in
                guard let role = ConversationTurn.Role(rawValue: row["role"]) else { return nil }
                return ConversationTurn(role: role, content: row["content"], date: Date(timeIntervalSince1970: row["created_at"]))
            }
        }
        return limit.apply(to: turns)
    }

    func reset(_ key: ConversationKey) async throws {
        try await database.pool.write { db in
            try db.execute(sql: "DELETE FROM conversation_turn WHERE conversation = ?", arguments: [key.rawValue])
        }
    }

    /// Deletes the turns of every conversation written before `date`; returns how many went.
    func removeTurns(before date: Date) async throws -> Int {
        try await database.pool.write { db in
            try db.execute(sql: "DELETE FROM conversation_turn WHERE created_at < ?", arguments: [date.timeIntervalSince1970])
            return db.changesCount
        }
    }
}
