import Foundation
import Testing
import VioCore
import VioCoreTesting
import VioServerTesting
import VioTestSupport
@testable import VioServerKit
@testable import VioStorage

@Suite struct SQLiteStoreTests {
    @Test func conversationsKeepTheStoreContract() async throws {
        let directory = try TemporaryDirectory()
        try await StoreContract.checkConversationStore { SQLiteConversationStore(database: try SQLiteDatabase(directory: directory.url)) }
    }

    @Test func recordsKeepTheStoreContract() async throws {
        let directory = try TemporaryDirectory()
        try await StoreContract.checkKeyValueStore { now in SQLiteKeyValueStore(database: try SQLiteDatabase(directory: directory.url), now: now) }
    }

    @Test func everythingSurvivesReopeningTheFile() async throws {
        let directory = try TemporaryDirectory()
        let key = ConversationKey(platform: .onebot, chat: .group(7), user: 42)
        do {
            let storage = try ServerStorage.open(in: directory.url)
            try await storage.conversations.append([ConversationTurn(role: .user, content: "记住我"), ConversationTurn(role: .assistant, content: "好的")], to: key)
            try await storage.records.set(["r18": true], for: "7", in: "group-settings")
        }
        let reopened = try ServerStorage.open(in: directory.url)
        #expect(try await reopened.conversations.history(of: key, limit: HistoryLimit(maxTurns: 20)).map(\.content) == ["记住我", "好的"])
        #expect(try await reopened.records.get([String: Bool].self, for: "7", in: "group-settings") == ["r18": true])
    }

    @Test func closingLeavesOneSelfContainedFile() async throws {
        let directory = try TemporaryDirectory()
        let key = ConversationKey(platform: .onebot, chat: .private(42), user: 42)
        let log = directory.url.appendingPathComponent("vio.sqlite-wal")
        try await ServerStorage.with(.sqlite(directory: directory.url), logger: .quiet("test-sqlite")) { storage in
            try await storage.conversations.append([ConversationTurn(role: .user, content: "你好")], to: key)
            // A reader connection is open too, as in a running server.
            #expect(try await storage.conversations.history(of: key, limit: HistoryLimit(maxTurns: 20)).count == 1)
            #expect(Self.size(of: log) > 0, "the write went to the write-ahead log first")
        }
        #expect(Self.size(of: log) == 0, "closing moved the log into the database file")
        let reopened = try ServerStorage.open(in: directory.url)
        #expect(try await reopened.conversations.history(of: key, limit: HistoryLimit(maxTurns: 20)).map(\.content) == ["你好"])
    }

    /// A file's size in bytes; 0 when it does not exist.
    static func size(of file: URL) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: file.path))?[.size] as? Int) ?? 0
    }

    @Test func theDatabaseIsInWALMode() async throws {
        let directory = try TemporaryDirectory()
        let database = try SQLiteDatabase(directory: directory.url)
        let mode = try await database.pool.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
    }

    @Test func onlyTheNewestTurnsAreRetained() async throws {
        let directory = try TemporaryDirectory()
        try await StorageBackendChecks.onlyTheNewestTurnsAreRetained(
            SQLiteConversationStore(database: try SQLiteDatabase(directory: directory.url), retainedTurns: 3))
    }

    @Test func expiryRunsInSQL() async throws {
        let directory = try TemporaryDirectory()
        let clock = StoreContract.ManualClock()
        let backend = try SQLiteStorage(directory: directory.url, now: { clock.now })
        try await StorageBackendChecks.expiryRemovesOnlyWhatExpired(backend, clock: clock)
    }

    @Test func expiredRecordsAreSweptByTheServersSweeper() async throws {
        let directory = try TemporaryDirectory()
        let records = SQLiteKeyValueStore(database: try SQLiteDatabase(directory: directory.url), now: { Date().addingTimeInterval(-72 * 3600 - 1) })
        try await records.setData(Data("x".utf8), for: "old", in: "recalls", expiresAfter: .seconds(72 * 3600))
        try await records.setData(Data("y".utf8), for: "kept", in: "recalls", expiresAfter: nil)
        let reopened = try ServerStorage.open(in: directory.url)
        await ExpiredRecordSweeper(storage: reopened, logger: .quiet("test-sweeper")).sweep()
        #expect(try await reopened.records.keys(in: "recalls") == ["kept"])
        let database = try #require(reopened.backend as? SQLiteStorage).database
        let rows = try await database.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM key_value") }
        #expect(rows == 1, "the expired record is deleted, not only hidden")
    }
}
