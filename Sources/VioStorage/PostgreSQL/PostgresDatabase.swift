import Foundation
import Logging
import PostgresNIO
import Synchronization

/// One PostgreSQL database through postgres-nio's connection pool, used so that a database that is
/// down or goes away never stalls the bot.
///
/// Every operation has a deadline (``timeout``). A read while the database is unreachable fails at
/// once with ``StorageUnavailable``; a write is kept and replayed in order when it is back (see
/// ``DatabaseAvailability``). ``PostgresMonitor`` connects, migrates and reconnects.
///
/// ```swift
/// let turns = try await database.run("load a conversation") { client in
///     try await client.query("SELECT content FROM conversation_turn WHERE conversation = \(key)")
///         .collect().map { try $0.decode(String.self) }
/// }
/// ```
final class PostgresDatabase: Sendable {
    let client: PostgresClient
    let location: PostgresLocation
    let availability: DatabaseAvailability
    /// How long one operation may take before the database counts as unreachable.
    let timeout: Duration
    /// Where every operation's deadline is watched; it runs as one of the storage's services.
    let deadlines = Deadlines()
    let logger: Logger

    init(location: PostgresLocation, timeout: Duration = .seconds(5), availability: DatabaseAvailability = DatabaseAvailability(), logger: Logger) {
        var configuration = location.clientConfiguration
        configuration.options.connectTimeout = timeout
        self.client = PostgresClient(configuration: configuration, backgroundLogger: Self.quieter(logger))
        self.location = location
        self.availability = availability
        self.timeout = timeout
        self.logger = logger
    }

    /// Runs an operation now (a read, a sweep); throws ``StorageUnavailable`` at once while the database can't be reached.
    func run<Value: Sendable>(_ summary: String, _ body: @escaping @Sendable (PostgresClient) async throws -> Value) async throws -> Value {
        guard availability.phase == .ready else { throw StorageUnavailable(reason: notReadyReason ?? "unreachable") }
        return try await attempt(summary, body)
    }

    /// Runs a write, or keeps it to replay once the database is back when it can't be reached now
    /// (then it returns without error: the write is not lost, only late).
    func write(_ summary: String, _ body: @escaping @Sendable (PostgresClient) async throws -> Void) async throws {
        if availability.takesWritesDirectly {
            do {
                return try await attempt(summary, body)
            } catch is StorageUnavailable {
                // Kept below, behind any write already waiting.
            }
        }
        let write = DatabaseAvailability.PendingWrite(summary: summary) { database in try await database.attempt(summary, body) }
        if availability.keep(write) {
            logger.warning("PostgreSQL is unreachable: keeping writes to make when it is back", metadata: ["first": "\(summary)"])
        }
    }

    /// Runs `body` within the deadline; a failure that means the database is gone marks it
    /// unreachable and is thrown as ``StorageUnavailable``, any other error as it is.
    func attempt<Value: Sendable>(_ summary: String, _ body: @escaping @Sendable (PostgresClient) async throws -> Value) async throws -> Value {
        do {
            return try await deadlines.run(within: timeout) { [client] in try await body(client) }
        } catch let error where Self.meansUnreachable(error) {
            let text = Self.describe(error)
            if availability.lost(text) {
                logger.error("PostgreSQL became unreachable", metadata: ["during": "\(summary)", "error": "\(text)"])
            }
            throw StorageUnavailable(reason: "PostgreSQL unreachable: \(text)")
        }
    }

    /// Checks the database on a connection of its own, not the pool's, so that a failure says what
    /// went wrong (refused, a wrong password, no such database) rather than only that no pooled
    /// connection came in time; migrates the schema first when `migrating`. Returns the versions applied.
    func probe(migrating: Bool) async throws -> [Int] {
        try await attempt(migrating ? "migrate the schema" : "check the connection") { [location, timeout, logger] _ in
            let configuration = try location.connectionConfiguration(timeout: timeout)
            let connection = try await PostgresConnection.connect(configuration: configuration, id: 0, logger: Self.quieter(logger))
            do {
                let applied = migrating ? try await PostgresSchema.migrate(connection, logger: logger) : []
                if !migrating { try await connection.query("SELECT 1", logger: logger) }
                try await connection.close()
                return applied
            } catch {
                try? await connection.close()
                throw error
            }
        }
    }

    /// `logger`, but from notices up: postgres-nio logs each failed connection attempt, and the
    /// monitor already says, once an attempt, what failed.
    private static func quieter(_ logger: Logger) -> Logger {
        var quieter = logger
        quieter.logLevel = max(logger.logLevel, .notice)
        return quieter
    }

    var notReadyReason: String? {
        switch availability.phase {
        case .ready: nil
        case .connecting(let lastError): "connecting to \(location)" + (lastError.map { ": \($0)" } ?? "")
        case .unreachable(let lastError): "\(location) unreachable: \(lastError)"
        }
    }

    /// Whether `error` says the database can't be reached (down, refused, timed out, shutting
    /// down, a refused login), rather than that one statement failed.
    static func meansUnreachable(_ error: any Error) -> Bool {
        switch error {
        case is Deadlines.Exceeded: return true
        case is CancellationError, is PostgresSchema.NewerThanKnown, is PostgresDecodingError: return false
        case let error as PSQLError:
            guard error.code == .server, let state = error.serverInfo?[.sqlState] else { return true }
            // Connection exception, invalid authorization, unknown database, insufficient resources, operator intervention.
            return ["08", "28", "3D", "53", "57"].contains(String(state.prefix(2)))
        default:
            // The socket's own errors: refused, reset, unreachable host.
            return true
        }
    }

    /// What went wrong, for the log: the server's own message, or the connection error. postgres-nio
    /// keeps its descriptions generic so as not to leak data; this names the failure without the
    /// query's values.
    static func describe(_ error: any Error) -> String {
        guard let error = error as? PSQLError else { return "\(error)" }
        if let message = error.serverInfo?[.message] {
            return "\(message) (SQLSTATE \(error.serverInfo?[.sqlState] ?? "?"))"
        }
        if let underlying = error.underlying {
            return "\(error.code): \(underlying)"
        }
        return "\(error.code)"
    }
}
