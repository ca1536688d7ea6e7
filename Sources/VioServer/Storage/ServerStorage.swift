import Foundation
import Synchronization
import VioCore

/// The stores `vio-server` hands to the bot, all in one SQLite file.
struct ServerStorage: Sendable {
    let database: SQLiteDatabase
    let conversations: SQLiteConversationStore
    let records: SQLiteKeyValueStore
    private let closed = SharedFlag()

    /// Whether the stores can be used: until ``close()``.
    var isOpen: Bool { !closed.isSet }

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

    /// Opens the database in `directory`, runs `body` with it, then closes it, also when `body` throws.
    static func with<Result: Sendable>(in directory: URL, _ body: (ServerStorage) async throws -> Result) async throws -> Result {
        let storage = try await open(in: directory)
        let result: Result
        do {
            result = try await body(storage)
        } catch {
            try? await storage.close()
            throw error
        }
        try await storage.close()
        return result
    }

    /// Moves everything in the write-ahead log into the database file, then closes the file: the
    /// folder then holds one self-contained `vio.sqlite`. Every write was already durable when it
    /// returned; this only leaves the files tidy for a copy or a backup.
    func close() async throws {
        closed.set()
        try await database.pool.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
        try database.pool.close()
    }
}

/// A flag that is set once and read from anywhere.
final class SharedFlag: Sendable {
    private let value = Atomic(false)

    init() {}

    var isSet: Bool { value.load(ordering: .acquiring) }
    func set() { value.store(true, ordering: .releasing) }
}
