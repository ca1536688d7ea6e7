import Foundation
import PostgresNIO
import VioCore

/// VioCore's ``KeyValueStore`` in PostgreSQL: settings and recall records every instance shares.
///
/// Expiry is measured with `now`, as wall-clock time, as in the SQLite store.
struct PostgresKeyValueStore: KeyValueStore {
    let database: PostgresDatabase
    var now: @Sendable () -> Date = { Date() }

    func data(for key: String, in namespace: String) async throws -> Data? {
        let time = now()
        return try await database.run("read \(namespace)/\(key)") { client in
            let rows = try await client.query("""
                SELECT value FROM key_value
                WHERE namespace = \(namespace) AND key = \(key) AND (expires_at IS NULL OR expires_at > \(time))
                """)
            for try await value in rows.decode(Data.self) { return value }
            return nil
        }
    }

    func setData(_ data: Data, for key: String, in namespace: String, expiresAfter: Duration?) async throws {
        let expiresAt = expiresAfter.map { now().addingTimeInterval($0.timeInterval) }
        try await database.write("write \(namespace)/\(key)") { client in
            try await client.query("""
                INSERT INTO key_value (namespace, key, value, expires_at) VALUES (\(namespace), \(key), \(data), \(expiresAt))
                ON CONFLICT (namespace, key) DO UPDATE SET value = EXCLUDED.value, expires_at = EXCLUDED.expires_at
                """)
        }
    }

    func removeValue(for key: String, in namespace: String) async throws {
        try await database.write("remove \(namespace)/\(key)") { client in
            try await client.query("DELETE FROM key_value WHERE namespace = \(namespace) AND key = \(key)")
        }
    }

    func keys(in namespace: String) async throws -> [String] {
        let time = now()
        return try await database.run("list \(namespace)") { client in
            let rows = try await client.query("""
                SELECT key FROM key_value WHERE namespace = \(namespace) AND (expires_at IS NULL OR expires_at > \(time))
                ORDER BY key COLLATE "C"
                """)
            var keys: [String] = []
            for try await key in rows.decode(String.self) { keys.append(key) }
            return keys
        }
    }
}
