import Foundation
import GRDB
import ServiceLifecycle
import VioCore

/// Everything in one SQLite file, `vio.sqlite` in the data folder: the embedded default.
struct SQLiteStorage: StorageBackend {
    static let fileName = "vio.sqlite"

    let database: SQLiteDatabase
    let sqliteConversations: SQLiteConversationStore
    let sqliteRecords: SQLiteKeyValueStore

    /// Opens (creating if needed) `vio.sqlite` in `directory`, creating the directory too; records
    /// expire by `now`.
    init(directory: URL, now: @escaping @Sendable () -> Date = { Date() }) throws {
        database = try SQLiteDatabase(directory: directory)
        sqliteConversations = SQLiteConversationStore(database: database)
        sqliteRecords = SQLiteKeyValueStore(database: database, now: now)
    }

    var conversations: any ConversationStore { sqliteConversations }
    var records: any KeyValueStore { sqliteRecords }
    var notReadyReason: String? { nil }
    var services: [any Service] { [] }
    func untilReady() async {}
    var keptWrites: Int { 0 }

    func removeExpired(now: Date, turnsOlderThan: Date?) async throws -> ExpiredRecords {
        var removed = ExpiredRecords(records: try await sqliteRecords.removeExpired(at: now))
        if let turnsOlderThan {
            removed.turns = try await sqliteConversations.removeTurns(before: turnsOlderThan)
        }
        return removed
    }

    /// Moves everything in the write-ahead log into the database file, then closes the file: the
    /// folder then holds one self-contained `vio.sqlite`. Every write was already durable when it
    /// returned; this only leaves the files tidy for a copy or a backup.
    func close() async throws {
        try await database.pool.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
        try database.pool.close()
    }
}
