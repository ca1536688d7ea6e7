import Foundation
import Logging
import PostgresNIO
import ServiceLifecycle
import VioCore

/// Everything in a PostgreSQL database that several vio-server instances may share: what PaaS
/// deployments use (`DATABASE_URL`), where the local disk does not outlive a restart.
///
/// Nothing connects until its ``services`` run: postgres-nio's pool, the watch of every operation's
/// deadline, the ``PostgresMonitor`` that migrates and reconnects, and the ``PostgresHeartbeat``
/// that notices a database gone quiet. Until the database answers, ``notReadyReason`` says why (and `/readyz` is 503).
struct PostgresStorage: StorageBackend {
    let database: PostgresDatabase
    let postgresConversations: PostgresConversationStore
    let postgresRecords: PostgresKeyValueStore
    private let logger: Logger

    init(location: PostgresLocation, timeout: Duration = .seconds(5), now: @escaping @Sendable () -> Date = { Date() }, logger: Logger) {
        database = PostgresDatabase(location: location, timeout: timeout, logger: logger)
        postgresConversations = PostgresConversationStore(database: database)
        postgresRecords = PostgresKeyValueStore(database: database, now: now)
        self.logger = logger
    }

    var conversations: any ConversationStore { postgresConversations }
    var records: any KeyValueStore { postgresRecords }
    var notReadyReason: String? { database.notReadyReason }
    func untilReady() async { await database.availability.untilReady() }
    var keptWrites: Int { database.availability.pendingCount }
    var services: [any Service] {
        [database.client, database.deadlines, PostgresMonitor(database: database, logger: logger), PostgresHeartbeat(database: database)]
    }

    func removeExpired(now: Date, turnsOlderThan: Date?) async throws -> ExpiredRecords {
        try await database.run("remove expired records") { client in
            var removed = ExpiredRecords()
            removed.records = try await Self.deletedCount(client.query("DELETE FROM key_value WHERE expires_at <= \(now) RETURNING 1"))
            if let turnsOlderThan {
                removed.turns = try await Self.deletedCount(client.query("DELETE FROM conversation_turn WHERE created_at < \(turnsOlderThan) RETURNING 1"))
            }
            return removed
        }
    }

    private static func deletedCount(_ rows: PostgresRowSequence) async throws -> Int {
        var count = 0
        for try await _ in rows { count += 1 }
        return count
    }

    func close() async throws {
        database.availability.finish()
    }
}
