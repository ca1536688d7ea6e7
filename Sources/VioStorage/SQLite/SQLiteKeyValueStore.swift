import Foundation
import GRDB
import VioCore

/// VioCore's ``KeyValueStore`` in SQLite: settings and recall records survive restarts.
///
/// Expiry is measured with `now`, as wall-clock time, so it holds across restarts. The lookups and
/// writes every message may make (the recall log) use statements prepared once per connection.
struct SQLiteKeyValueStore: KeyValueStore {
    let database: SQLiteDatabase
    var now: @Sendable () -> Date = { Date() }

    func data(for key: String, in namespace: String) async throws -> Data? {
        let time = now().timeIntervalSince1970
        return try await database.pool.read { db in
            try Data.fetchOne(
                db.cachedStatement(sql: "SELECT value FROM key_value WHERE namespace = ? AND key = ? AND (expires_at IS NULL OR expires_at > ?)"),
                arguments: [namespace, key, time])
        }
    }

    func setData(_ data: Data, for key: String, in namespace: String, expiresAfter: Duration?) async throws {
        let expiresAt = expiresAfter.map { now().addingTimeInterval($0.timeInterval).timeIntervalSince1970 }
        try await database.pool.write { db in
            try db.cachedStatement(sql: "INSERT OR REPLACE INTO key_value (namespace, key, value, expires_at) VALUES (?, ?, ?, ?)")
                .execute(arguments: [namespace, key, data, expiresAt])
        }
    }

    func removeValue(for key: String, in namespace: String) async throws {
        try await database.pool.write { db in
            try db.execute(sql: "DELETE FROM key_value WHERE namespace = ? AND key = ?", arguments: [namespace, key])
        }
    }

    func keys(in namespace: String) async throws -> [String] {
        let time = now().timeIntervalSince1970
        return try await database.pool.read { db in
            try String.fetchAll(
                db,
                sql: "SELECT key FROM key_value WHERE namespace = ? AND (expires_at IS NULL OR expires_at > ?) ORDER BY key",
                arguments: [namespace, time])
        }
    }

    func namespaces(startingWith prefix: String) async throws -> [String] {
        let time = now().timeIntervalSince1970
        return try await database.pool.read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT DISTINCT namespace FROM key_value
                    WHERE substr(namespace, 1, length(?)) = ? AND (expires_at IS NULL OR expires_at > ?) ORDER BY namespace
                    """,
                arguments: [prefix, prefix, time])
        }
    }

    /// Deletes every record expired at `time`; returns how many went.
    @discardableResult
    func removeExpired(at time: Date) async throws -> Int {
        try await database.pool.write { db in
            try db.execute(sql: "DELETE FROM key_value WHERE expires_at IS NOT NULL AND expires_at <= ?", arguments: [time.timeIntervalSince1970])
            return db.changesCount
        }
    }
}
