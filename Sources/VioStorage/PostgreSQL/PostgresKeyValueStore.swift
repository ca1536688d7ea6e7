import Foundation
import PostgresNIO
import VioCore

/// VioCore's ``KeyValueStore`` in PostgreSQL: settings and recall records every instance shares.
///
/// Expiry is measured with `now`, as wall-clock time, as in the SQLite store. The lookup and the
/// write every message may make (the recall log) are prepared once per connection.
struct PostgresKeyValueStore: KeyValueStore {
    let database: PostgresDatabase
    var now: @Sendable () -> Date = { Date() }

    func data(for key: String, in namespace: String) async throws -> Data? {
        let lookup = LiveValue(namespace: namespace, key: key, now: now())
        return try await database.run("read \(namespace)/\(key)") { client in
            for try await value in try await client.execute(lookup) { return value }
            return nil
        }
    }

    func setData(_ data: Data, for key: String, in namespace: String, expiresAfter: Duration?) async throws {
        let upsert = Upsert(namespace: namespace, key: key, value: data, expiresAt: expiresAfter.map { now().addingTimeInterval($0.timeInterval) })
        try await database.write("write \(namespace)/\(key)") { client in
            for try await _ in try await client.execute(upsert) {}
        }
    }

    /// The value under a key unless it expired: what the recall viewer and every setting read.
    struct LiveValue: PostgresPreparedStatement {
        static let sql = "SELECT value FROM key_value WHERE namespace = $1 AND key = $2 AND (expires_at IS NULL OR expires_at > $3)"
        typealias Row = Data

        let namespace: String
        let key: String
        let now: Date

        func makeBindings() throws -> PostgresBindings {
            var bindings = PostgresBindings(capacity: 3)
            bindings.append(namespace)
            bindings.append(key)
            bindings.append(now)
            return bindings
        }

        func decodeRow(_ row: PostgresRow) throws -> Data {
            try row.decode(Data.self)
        }
    }

    /// Stores a value, replacing any earlier one: what the recall log does for every group message.
    struct Upsert: PostgresPreparedStatement {
        static let sql = """
            INSERT INTO key_value (namespace, key, value, expires_at) VALUES ($1, $2, $3, $4)
            ON CONFLICT (namespace, key) DO UPDATE SET value = EXCLUDED.value, expires_at = EXCLUDED.expires_at
            """
        typealias Row = Void

        let namespace: String
        let key: String
        let value: Data
        let expiresAt: Date?

        func makeBindings() throws -> PostgresBindings {
            var bindings = PostgresBindings(capacity: 4)
            bindings.append(namespace)
            bindings.append(key)
            try bindings.append(value)
            bindings.append(expiresAt)
            return bindings
        }

        func decodeRow(_ row: PostgresRow) throws {}
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

    func namespaces(startingWith prefix: String) async throws -> [String] {
        let time = now()
        return try await database.run("list namespaces \(prefix)…") { client in
            let rows = try await client.query("""
                SELECT namespace FROM key_value WHERE starts_with(namespace, \(prefix)) AND (expires_at IS NULL OR expires_at > \(time))
                GROUP BY namespace ORDER BY namespace COLLATE "C"
                """)
            var namespaces: [String] = []
            for try await namespace in rows.decode(String.self) { namespaces.append(namespace) }
            return namespaces
        }
    }
}
