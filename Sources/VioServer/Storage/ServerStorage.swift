import Foundation
import VioCore

/// The stores `vio-server` hands to the bot, all in one SQLite file.
struct ServerStorage: Sendable {
    let database: SQLiteDatabase
    let conversations: SQLiteConversationStore
    let records: SQLiteKeyValueStore

    /// Opens the database in `directory`, creating both if needed, and drops expired records.
    static func open(in directory: URL) async throws -> ServerStorage {
        let database = try SQLiteDatabase(directory: directory)
        let storage = ServerStorage(
            database: database,
            conversations: SQLiteConversationStore(database: database),
            records: SQLiteKeyValueStore(database: database))
        try await storage.records.removeExpired()
        return storage
    }
}
