import Foundation
import Logging
import ServiceLifecycle
import Synchronization
import VioCore

/// The stores `vio-server` hands to the bot, in whichever database ``StorageLocation`` names.
///
/// ```swift
/// try await ServerStorage.with(.sqlite(directory: dataDirectory), logger: logger) { storage in
///     try await storage.conversations.append(turns, to: key)
/// }
/// ```
package struct ServerStorage: Sendable {
    package let backend: any StorageBackend
    /// How long conversation turns are kept; `nil` keeps them (up to the newest 200 a conversation).
    package var turnRetention: Duration?
    private let closed = SharedFlag()

    package init(backend: any StorageBackend, turnRetention: Duration? = nil) {
        self.backend = backend
        self.turnRetention = turnRetention
    }

    package var conversations: any ConversationStore { backend.conversations }
    package var records: any KeyValueStore { backend.records }

    /// Why the stores can't be used now, or `nil` when they can: what `/readyz` reports.
    package var notReadyReason: String? {
        closed.isSet ? "storage is closed" : backend.notReadyReason
    }

    /// Writes made while the database was away, waiting to be made.
    package var keptWrites: Int { backend.keptWrites }

    /// Returns once the stores can be used: at once for SQLite, once connected for PostgreSQL.
    package func untilReady() async { await backend.untilReady() }

    /// Opens the SQLite database in `directory`, creating both if needed; its expired records go
    /// when an ``ExpiredRecordSweeper`` runs, as in the server.
    package static func open(in directory: URL) throws -> ServerStorage {
        ServerStorage(backend: try SQLiteStorage(directory: directory))
    }

    /// Opens the stores at `location`, runs what they need (PostgreSQL's connection pool) while
    /// `body` runs, then closes them, also when `body` throws.
    package static func with<Result: Sendable>(
        _ location: StorageLocation, turnRetention: Duration? = nil, logger: Logger,
        _ body: (ServerStorage) async throws -> Result
    ) async throws -> Result {
        let backend: any StorageBackend = switch location {
        case .sqlite(let directory): try SQLiteStorage(directory: directory)
        case .postgres(let postgres, let timeout): PostgresStorage(location: postgres, timeout: timeout, logger: logger)
        }
        return try await ServerStorage(backend: backend, turnRetention: turnRetention).running(logger: logger, body)
    }

    /// Runs the backend's services in a service group of their own while `body` runs, then closes.
    package func running<Result: Sendable>(logger: Logger, _ body: (ServerStorage) async throws -> Result) async throws -> Result {
        let services = backend.services
        let group = ServiceGroup(configuration: .init(
            services: services.map { .init(service: $0) }, gracefulShutdownSignals: [], logger: logger))
        return try await withThrowingTaskGroup(of: Void.self) { tasks in
            if !services.isEmpty {
                tasks.addTask { try await group.run() }
            }
            let result: Result
            do {
                result = try await body(self)
            } catch {
                await group.triggerGracefulShutdown()
                try? await tasks.waitForAll()
                try? await close()
                throw error
            }
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
            try await close()
            return result
        }
    }

    /// Deletes expired records, and conversation turns older than ``turnRetention``.
    @discardableResult
    package func removeExpired(now: Date = Date()) async throws -> ExpiredRecords {
        try await backend.removeExpired(now: now, turnsOlderThan: turnRetention.map { now.addingTimeInterval(-$0.timeInterval) })
    }

    /// Closes the database: nothing is stored after this.
    package func close() async throws {
        guard !closed.isSet else { return }
        closed.set()
        try await backend.close()
    }
}

/// A flag that is set once and read from anywhere.
package final class SharedFlag: Sendable {
    private let value = Atomic(false)

    package init() {}

    package var isSet: Bool { value.load(ordering: .acquiring) }
    package func set() { value.store(true, ordering: .releasing) }
}
