import Foundation
import Logging
import PostgresNIO
import Testing
@testable import VioServerKit
import VioServerTesting
@testable import VioStorage

/// Fresh PostgreSQL databases for tests, on the server `DATABASE_URL` names (`.ci/run` starts a
/// throwaway cluster and sets it); tests that need one are skipped where it is not set.
enum TestDatabase {
    static let serverURL = ProcessInfo.processInfo.environment["DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }

    /// Whether a PostgreSQL server is there for the tests.
    static var isAvailable: Bool { serverURL != nil }

    /// Creates an empty database on the server, runs `body` with where it is, then drops it.
    static func with<Result: Sendable>(_ body: (PostgresLocation) async throws -> Result) async throws -> Result {
        let server = try #require(serverURL.map { try PostgresLocation(url: $0) }, "DATABASE_URL names the test server")
        var location = server
        location.database = "vio_test_\(UUID().uuidString.prefix(8).lowercased())"
        try await admin(server, "CREATE DATABASE \(location.database)")
        do {
            let result = try await body(location)
            try await admin(server, "DROP DATABASE \(location.database) WITH (FORCE)")
            return result
        } catch {
            try? await admin(server, "DROP DATABASE \(location.database) WITH (FORCE)")
            throw error
        }
    }

    /// Runs one statement on the server's own database.
    private static func admin(_ server: PostgresLocation, _ sql: String) async throws {
        try await withClient(server) { client in _ = try await client.query(PostgresQuery(unsafeSQL: sql)) }
    }

    /// A bare postgres-nio client of the database at `location`, running while `body` runs.
    static func withClient<Result: Sendable>(_ location: PostgresLocation, _ body: (PostgresClient) async throws -> Result) async throws -> Result {
        let client = PostgresClient(configuration: location.clientConfiguration, backgroundLogger: .quiet("test-database"))
        return try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { await client.run() }
            defer { tasks.cancelAll() }
            return try await body(client)
        }
    }

    /// PostgreSQL storage on a fresh database, its pool and monitor running and the schema in place.
    static func withStorage<Result: Sendable>(
        now: @escaping @Sendable () -> Date = { Date() }, _ body: (PostgresStorage) async throws -> Result
    ) async throws -> Result {
        try await with { location in
            try await withStorage(at: location, now: now, body)
        }
    }

    /// PostgreSQL storage on the database at `location`, ready for use while `body` runs.
    static func withStorage<Result: Sendable>(
        at location: PostgresLocation, timeout: Duration = .seconds(15), now: @escaping @Sendable () -> Date = { Date() },
        _ body: (PostgresStorage) async throws -> Result
    ) async throws -> Result {
        let backend = PostgresStorage(location: location, timeout: timeout, now: now, logger: .quiet("test-postgres"))
        return try await ServerStorage(backend: backend).running(logger: .quiet("test-postgres")) { _ in
            await backend.untilReady()
            return try await body(backend)
        }
    }
}
