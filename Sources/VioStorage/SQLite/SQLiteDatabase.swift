import Foundation
import GRDB

/// The one SQLite file `vio-server` keeps everything in: conversations, settings, recall records.
///
/// WAL mode (GRDB's `DatabasePool`), schema by migrations, so a newer server opens an older file.
/// Every write is a committed transaction before the call returns: what the bot promised to remember
/// survives a crash right after its reply.
struct SQLiteDatabase: Sendable {
    let pool: DatabasePool

    /// Opens (creating if needed) `vio.sqlite` in `directory`, creating the directory too.
    init(directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try self.init(path: directory.appendingPathComponent(SQLiteStorage.fileName).path)
    }

    /// Opens (creating if needed) the database file at `path`.
    init(path: String) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        pool = try DatabasePool(path: path, configuration: configuration)
        try Self.migrator.migrate(pool)
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: conversations and key-value records") { db in
            try db.create(table: "conversation_turn") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("conversation", .text).notNull()
                table.column("role", .text).notNull()
                table.column("content", .text).notNull()
                table.column("created_at", .double).notNull()
            }
            try db.create(index: "conversation_turn_by_conversation", on: "conversation_turn", columns: ["conversation", "id"])
            try db.create(table: "key_value") { table in
                table.column("namespace", .text).notNull()
                table.column("key", .text).notNull()
                table.column("value", .blob).notNull()
                table.column("expires_at", .double)
                table.primaryKey(["namespace", "key"])
            }
        }
        migrator.registerMigration("v2: indexes for expiry") { db in
            try db.create(index: "conversation_turn_by_time", on: "conversation_turn", columns: ["created_at"])
            try db.execute(sql: "CREATE INDEX key_value_by_expiry ON key_value (expires_at) WHERE expires_at IS NOT NULL")
        }
        return migrator
    }
}
