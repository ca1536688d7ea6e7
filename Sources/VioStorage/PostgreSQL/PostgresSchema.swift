import Logging
import PostgresNIO

/// vio-server's tables in PostgreSQL, built by numbered migrations.
///
/// ``migrate(_:logger:)`` applies the ones a database lacks in one transaction that first takes a
/// transaction-scoped advisory lock, so two instances starting at once take turns: the second finds
/// the work done. A database migrated by a newer vio-server is refused, not altered.
enum PostgresSchema {
    struct Migration: Sendable {
        let version: Int
        let name: String
        let statements: [String]
    }

    /// The advisory lock key all vio-server instances agree on ("vio" in ASCII).
    static let lockKey: Int64 = 0x76_69_6F

    static let migrations: [Migration] = [
        Migration(version: 1, name: "conversations and key-value records", statements: [
            """
            CREATE TABLE conversation_turn (
                id bigserial PRIMARY KEY,
                conversation text NOT NULL,
                role text NOT NULL,
                content text NOT NULL,
                created_at timestamptz NOT NULL)
            """,
            "CREATE INDEX conversation_turn_by_conversation ON conversation_turn (conversation, id)",
            "CREATE INDEX conversation_turn_by_time ON conversation_turn (created_at)",
            """
            CREATE TABLE key_value (
                namespace text NOT NULL,
                key text NOT NULL,
                value bytea NOT NULL,
                expires_at timestamptz,
                PRIMARY KEY (namespace, key))
            """,
            "CREATE INDEX key_value_by_expiry ON key_value (expires_at) WHERE expires_at IS NOT NULL",
        ]),
    ]

    /// The schema is newer than this vio-server knows.
    struct NewerThanKnown: Error, CustomStringConvertible {
        let found: Int
        let known: Int
        var description: String {
            "the database's schema is at version \(found), newer than this vio-server knows (\(known)); run a newer vio-server"
        }
    }

    /// Brings the database to the newest schema; returns the versions it applied.
    @discardableResult
    static func migrate(_ connection: PostgresConnection, logger: Logger) async throws -> [Int] {
        do {
            return try await apply(connection, logger: logger)
        } catch let error as PostgresTransactionError {
            // What failed, not that it failed in a transaction: a newer schema, a lost connection.
            throw error.closureError ?? error.beginError ?? error.commitError ?? error
        }
    }

    private static func apply(_ connection: PostgresConnection, logger: Logger) async throws -> [Int] {
        try await connection.withTransaction(logger: logger) { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(\(lockKey))", logger: logger)
            try await connection.query("""
                CREATE TABLE IF NOT EXISTS vio_schema_migration (
                    version integer PRIMARY KEY,
                    name text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now())
                """, logger: logger)
            var applied = Set<Int>()
            for try await version in try await connection.query("SELECT version FROM vio_schema_migration", logger: logger).decode(Int.self) {
                applied.insert(version)
            }
            let known = migrations.map(\.version).max() ?? 0
            if let newest = applied.max(), newest > known {
                throw NewerThanKnown(found: newest, known: known)
            }
            var done: [Int] = []
            for migration in migrations where !applied.contains(migration.version) {
                for statement in migration.statements {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                try await connection.query(
                    "INSERT INTO vio_schema_migration (version, name) VALUES (\(migration.version), \(migration.name))", logger: logger)
                done.append(migration.version)
            }
            return done
        }
    }
}
