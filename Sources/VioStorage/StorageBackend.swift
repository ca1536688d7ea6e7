import Foundation
import ServiceLifecycle
import VioCore

/// A database vio-server keeps everything in: SQLite in the data folder, or PostgreSQL.
///
/// ```swift
/// let backend: any StorageBackend = try SQLiteStorage(directory: dataDirectory)
/// try await backend.conversations.append(turns, to: key)
/// let removed = try await backend.removeExpired(now: Date(), turnsOlderThan: Date().addingTimeInterval(-30 * 86_400))
/// ```
package protocol StorageBackend: Sendable {
    var conversations: any ConversationStore { get }
    var records: any KeyValueStore { get }

    /// Why the database can't be used now ("connecting to PostgreSQL …"), or `nil` when it can.
    var notReadyReason: String? { get }

    /// Writes made while the database was away, waiting to be made (0 for a local file).
    var keptWrites: Int { get }

    /// Returns once the database can be used (at once for a local file).
    func untilReady() async

    /// What must run while the database is in use (a connection pool), under ServiceLifecycle.
    var services: [any Service] { get }

    /// Deletes expired records and, when `turnsOlderThan` is set, conversation turns older than it,
    /// in SQL (indexed deletes, no scans in Swift).
    func removeExpired(now: Date, turnsOlderThan: Date?) async throws -> ExpiredRecords

    /// Finishes with the database; nothing is used after this.
    func close() async throws
}

/// What one expiry pass deleted.
package struct ExpiredRecords: Sendable, Equatable {
    package var records = 0
    package var turns = 0

    package init(records: Int = 0, turns: Int = 0) {
        self.records = records
        self.turns = turns
    }
}

/// The database can't be reached now; a read fails with this at once instead of waiting.
package struct StorageUnavailable: Error, CustomStringConvertible {
    package let reason: String

    package init(reason: String) {
        self.reason = reason
    }

    package var description: String { "storage unavailable: \(reason)" }
}

/// Which database vio-server uses: PostgreSQL when `DATABASE_URL` is set, else SQLite in `VIO_DATA_DIR`.
package enum StorageLocation: Sendable, Equatable, CustomStringConvertible {
    case sqlite(directory: URL)
    /// `timeout`: how long one operation may take before the database counts as unreachable.
    case postgres(PostgresLocation, timeout: Duration = .seconds(5))

    package var description: String {
        switch self {
        case .sqlite(let directory): "SQLite \(directory.appendingPathComponent(SQLiteStorage.fileName).path)"
        case .postgres(let location, _): location.description
        }
    }
}
