import Foundation
import Testing
import VioCore
import VioCoreTesting
@testable import VioServerKit
@testable import VioStorage

/// What every ``StorageBackend`` must do beyond VioCore's store contract, checked the same way on
/// SQLite and PostgreSQL.
enum StorageBackendChecks {
    /// Expired records and turns past their retention go in one expiry pass; the rest stay.
    /// `backend`'s records must measure time with `clock`.
    static func expiryRemovesOnlyWhatExpired(_ backend: any StorageBackend, clock: StoreContract.ManualClock) async throws {
        let key = ConversationKey(rawValue: "expiry/\(UUID())")
        try await backend.records.setData(Data("x".utf8), for: "old", in: "recalls", expiresAfter: .seconds(72 * 3600))
        try await backend.records.setData(Data("y".utf8), for: "kept", in: "recalls", expiresAfter: nil)
        try await backend.conversations.append([
            ConversationTurn(role: .user, content: "long ago", date: clock.now.addingTimeInterval(-40 * 86_400)),
            ConversationTurn(role: .user, content: "lately", date: clock.now),
        ], to: key)
        clock.advance(by: .seconds(72 * 3600 + 1))

        let removed = try await backend.removeExpired(now: clock.now, turnsOlderThan: clock.now.addingTimeInterval(-30 * 86_400))
        #expect(removed == ExpiredRecords(records: 1, turns: 1))
        #expect(try await backend.records.keys(in: "recalls") == ["kept"])
        #expect(try await backend.conversations.history(of: key, limit: HistoryLimit(maxTurns: 10)).map(\.content) == ["lately"])
        let again = try await backend.removeExpired(now: clock.now, turnsOlderThan: nil)
        #expect(again == ExpiredRecords(), "nothing is left to expire, and no turn goes without a retention")
    }

    /// A store made to keep 3 turns per conversation keeps the newest 3.
    static func onlyTheNewestTurnsAreRetained(_ store: any ConversationStore) async throws {
        let key = ConversationKey(rawValue: "retention/\(UUID())")
        for index in 0..<5 { try await store.append([ConversationTurn(role: .user, content: "\(index)")], to: key) }
        #expect(try await store.history(of: key, limit: HistoryLimit(maxTurns: 10)).map(\.content) == ["2", "3", "4"])
        try await store.append([ConversationTurn(role: .user, content: "问"), ConversationTurn(role: .assistant, content: "答")], to: key)
        #expect(try await store.history(of: key, limit: HistoryLimit(maxTurns: 10)).map(\.content) == ["4", "问", "答"], "a turn pair counts as two")
    }
}
