import Foundation
import PostgresNIO
import Synchronization
import Testing
import VioCore
import VioCoreTesting
@testable import VioServerKit
import VioServerTesting
@testable import VioStorage

/// The PostgreSQL stores, on a fresh database of the test server each (`.ci/run` starts one and
/// sets `DATABASE_URL`): the same contract as SQLite, migrations, several instances, an outage.
@Suite(.enabled(if: TestDatabase.isAvailable, "set DATABASE_URL to a PostgreSQL server (.ci/postgres.sh starts one)"))
struct PostgresStoreTests {
    @Test func conversationsKeepTheStoreContract() async throws {
        try await TestDatabase.withStorage { backend in
            try await StoreContract.checkConversationStore { backend.conversations }
        }
    }

    @Test func recordsKeepTheStoreContract() async throws {
        let clock = Mutex<@Sendable () -> Date>({ Date() })
        try await TestDatabase.withStorage(now: { clock.withLock { $0 }() }) { backend in
            try await StoreContract.checkKeyValueStore { now in
                clock.withLock { $0 = now }
                return backend.records
            }
        }
    }

    @Test func onlyTheNewestTurnsAreRetained() async throws {
        try await TestDatabase.withStorage { backend in
            try await StorageBackendChecks.onlyTheNewestTurnsAreRetained(PostgresConversationStore(database: backend.database, retainedTurns: 3))
        }
    }

    @Test func expiryRunsInSQL() async throws {
        let clock = StoreContract.ManualClock()
        try await TestDatabase.withStorage(now: { clock.now }) { backend in
            try await StorageBackendChecks.expiryRemovesOnlyWhatExpired(backend, clock: clock)
        }
    }

    @Test func valuesKeepEveryByte() async throws {
        try await TestDatabase.withStorage { backend in
            let bytes = Data((0...255).map(UInt8.init) + Array("记住 \u{0}".utf8))
            try await backend.records.setData(bytes, for: "键 with spaces", in: "ns/with/slashes", expiresAfter: nil)
            #expect(try await backend.records.data(for: "键 with spaces", in: "ns/with/slashes") == bytes)
        }
    }

    @Test func aSecondInstanceSeesWhatTheFirstWrote() async throws {
        try await TestDatabase.with { location in
            let key = ConversationKey(platform: .onebot, chat: .group(7), user: 42)
            try await TestDatabase.withStorage(at: location) { first in
                try await first.conversations.append([ConversationTurn(role: .user, content: "记住我")], to: key)
                try await first.records.set(["r18": true], for: "7", in: "group-settings")
            }
            try await TestDatabase.withStorage(at: location) { second in
                let history = try await second.conversations.history(of: key, limit: HistoryLimit(maxTurns: 20))
                let settings = try await second.records.get([String: Bool].self, for: "7", in: "group-settings")
                #expect(history.map(\.content) == ["记住我"])
                #expect(settings == ["r18": true])
            }
        }
    }

    @Test func twoInstancesAppendingAtOnceLoseNoTurn() async throws {
        try await TestDatabase.with { location in
            let key = ConversationKey(rawValue: "shared")
            try await TestDatabase.withStorage(at: location) { first in
                try await TestDatabase.withStorage(at: location) { second in
                    try await withThrowingTaskGroup(of: Void.self) { appends in
                        for index in 0..<200 {
                            let store = index.isMultiple(of: 2) ? first.conversations : second.conversations
                            appends.addTask { try await store.append([ConversationTurn(role: .user, content: "\(index)")], to: key) }
                        }
                        try await appends.waitForAll()
                    }
                    let turns = try await first.conversations.history(of: key, limit: HistoryLimit(maxTurns: 1000))
                    #expect(turns.count == 200)
                    #expect(Set(turns.map(\.content)) == Set((0..<200).map(String.init)))
                }
            }
        }
    }

    @Test func instancesMigratingAtOnceTakeTurns() async throws {
        try await TestDatabase.with { location in
            let applied = try await withThrowingTaskGroup(of: [Int].self) { migrations in
                for _ in 0..<3 {
                    migrations.addTask { try await Self.migrate(location) }
                }
                return try await migrations.reduce(into: [[Int]]()) { $0.append($1) }
            }
            #expect(applied.filter { !$0.isEmpty } == [PostgresSchema.migrations.map(\.version)], "exactly one instance applied the migrations")
            #expect(try await Self.migrate(location).isEmpty, "a migrated database needs nothing more")
        }
    }

    @Test func aSchemaFromANewerServerIsRefused() async throws {
        try await TestDatabase.with { location in
            try await TestDatabase.withClient(location) { client in
                try await client.withConnection { connection in
                    try await PostgresSchema.migrate(connection, logger: .quiet("test"))
                    try await connection.query("INSERT INTO vio_schema_migration (version, name) VALUES (99, 'from the future')", logger: .quiet("test"))
                    await #expect(throws: PostgresSchema.NewerThanKnown.self) { try await PostgresSchema.migrate(connection, logger: .quiet("test")) }
                }
            }
        }
    }

    @Test func anOutageKeepsWritesAndFailsReadsFastUntilTheDatabaseIsBack() async throws {
        try await TestDatabase.with { location in
            let (relay, relayed) = try await Self.relay(to: location)
            let key = ConversationKey(rawValue: "outage")
            // The cut closes connections, so nothing here waits for the deadline; a short one only
            // made the first write time out on a loaded machine and be kept, a third pending write.
            try await TestDatabase.withStorage(at: relayed, timeout: .seconds(15)) { backend in
                try await backend.conversations.append([ConversationTurn(role: .user, content: "before")], to: key)
                await relay.cut()

                // The first operation after the cut finds the database gone (its connection closed).
                await #expect(throws: StorageUnavailable.self) { try await backend.conversations.history(of: key, limit: HistoryLimit(maxTurns: 10)) }
                #expect(backend.notReadyReason?.contains("unreachable") == true, "got \(backend.notReadyReason ?? "ready")")
                try await backend.conversations.append([ConversationTurn(role: .user, content: "during")], to: key)
                try await backend.records.set("on", for: "switch", in: "settings")
                #expect(backend.database.availability.pendingCount == 2, "both writes are kept")
                await #expect(throws: StorageUnavailable.self) { try await backend.records.data(for: "switch", in: "settings") }

                relay.restore()
                await backend.untilReady()
                #expect(backend.notReadyReason == nil)
                #expect(try await backend.conversations.history(of: key, limit: HistoryLimit(maxTurns: 10)).map(\.content) == ["before", "during"])
                #expect(try await backend.records.get(String.self, for: "switch", in: "settings") == "on")
            }
            await relay.close()
        }
    }

    @Test func writesKeptWhenAnInstanceStopsAreMadeBeforeItCloses() async throws {
        try await TestDatabase.with { location in
            let (relay, relayed) = try await Self.relay(to: location)
            let key = ConversationKey(rawValue: "stopping")
            try await TestDatabase.withStorage(at: relayed) { backend in
                await relay.cut()
                await #expect(throws: StorageUnavailable.self) { try await backend.conversations.history(of: key, limit: HistoryLimit(maxTurns: 10)) }
                try await backend.conversations.append([ConversationTurn(role: .user, content: "最后一句")], to: key)
                #expect(backend.keptWrites == 1)
                relay.restore()
                // Stops at once: the monitor is waiting out its backoff, not replaying.
            }
            let kept = try await TestDatabase.withStorage(at: location) { second in
                try await second.conversations.history(of: key, limit: HistoryLimit(maxTurns: 10)).map(\.content)
            }
            #expect(kept == ["最后一句"], "the write kept while the database was away was made as the instance stopped")
            await relay.close()
        }
    }

    /// A relay in front of the database at `location`, for a test to cut, and where it listens.
    private static func relay(to location: PostgresLocation) async throws -> (TCPRelay, PostgresLocation) {
        let relay = try await TCPRelay.start(to: location.port)
        var relayed = location
        relayed.host = "127.0.0.1"
        relayed.port = relay.port
        return (relay, relayed)
    }

    /// Migrates the database at `location` through a client of its own, as one instance would.
    private static func migrate(_ location: PostgresLocation) async throws -> [Int] {
        try await TestDatabase.withClient(location) { client in
            try await client.withConnection { connection in try await PostgresSchema.migrate(connection, logger: .quiet("test")) }
        }
    }
}
