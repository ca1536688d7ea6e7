import Foundation
import Synchronization
import VioCore

/// The behaviour every ``ConversationStore`` and ``KeyValueStore`` must show, as runnable checks.
///
/// Run it on your implementation; a broken promise throws a ``ContractViolation`` naming it.
///
/// ```swift
/// @Test func sqliteKeepsTheContract() async throws {
///     try await StoreContract.checkKeyValueStore { now in try SQLiteStore(path: temp, now: now) }
/// }
/// ```
public enum StoreContract {
    /// A clock the contract moves by hand to test expiry.
    public final class ManualClock: Sendable {
        private let current: Mutex<Date>

        public init(_ start: Date = Date(timeIntervalSince1970: 1_700_000_000)) {
            current = Mutex(start)
        }

        public var now: Date { current.withLock { $0 } }

        public func advance(by duration: Duration) {
            current.withLock { $0 = $0.addingTimeInterval(duration.timeInterval) }
        }
    }

    /// Checks a conversation store made fresh by `make`.
    public static func checkConversationStore(_ make: () async throws -> any ConversationStore) async throws {
        let store = try await make()
        let alice = ConversationKey(platform: .onebot, chat: .private(1), user: 1)
        let bob = ConversationKey(platform: .onebot, chat: .group(9), user: 2)
        let all = HistoryLimit(maxTurns: 1000)

        try expect(try await store.history(of: alice, limit: all).isEmpty, "a new conversation is empty")

        let first = [ConversationTurn(role: .user, content: "hi"), ConversationTurn(role: .assistant, content: "hello")]
        try await store.append(first, to: alice)
        try await store.append([ConversationTurn(role: .user, content: "在吗")], to: alice)
        try await store.append([ConversationTurn(role: .user, content: "bob here")], to: bob)
        let aliceTurns = try await store.history(of: alice, limit: all)
        try expect(aliceTurns.map(\.content) == ["hi", "hello", "在吗"], "turns come back oldest first, in append order, got \(aliceTurns.map(\.content))")
        try expect(aliceTurns.map(\.role) == [.user, .assistant, .user], "roles are kept")
        try expect(try await store.history(of: bob, limit: all).map(\.content) == ["bob here"], "conversations are kept apart")

        let lastTwo = try await store.history(of: alice, limit: HistoryLimit(maxTurns: 2))
        try expect(lastTwo.map(\.content) == ["hello", "在吗"], "maxTurns keeps the newest turns, got \(lastTwo.map(\.content))")

        let budget = TokenEstimate.tokens(in: aliceTurns[1]) + TokenEstimate.tokens(in: aliceTurns[2])
        let withinBudget = try await store.history(of: alice, limit: HistoryLimit(maxTurns: 10, tokenBudget: budget))
        try expect(withinBudget.map(\.content) == ["hello", "在吗"], "a token budget keeps the newest turns that fit, got \(withinBudget.map(\.content))")

        try await store.reset(alice)
        try expect(try await store.history(of: alice, limit: all).isEmpty, "reset forgets the conversation")
        try expect(try await store.history(of: bob, limit: all).count == 1, "reset leaves other conversations alone")

        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<50 {
                group.addTask { try await store.append([ConversationTurn(role: .user, content: "\(index)")], to: alice) }
            }
            try await group.waitForAll()
        }
        let concurrent = try await store.history(of: alice, limit: all)
        try expect(Set(concurrent.map(\.content)) == Set((0..<50).map(String.init)), "concurrent appends are all kept")
    }

    /// Checks a key-value store made fresh by `make`, which must measure expiry with the clock given.
    public static func checkKeyValueStore(_ make: (_ now: @escaping @Sendable () -> Date) async throws -> any KeyValueStore) async throws {
        let clock = ManualClock()
        let store = try await make { clock.now }

        try expect(try await store.data(for: "missing", in: "ns") == nil, "a missing key has no value")
        try await store.setData(Data("one".utf8), for: "k", in: "ns", expiresAfter: nil)
        try await store.setData(Data("other".utf8), for: "k", in: "other-ns", expiresAfter: nil)
        try expect(try await store.data(for: "k", in: "ns") == Data("one".utf8), "a stored value comes back")
        try expect(try await store.data(for: "k", in: "other-ns") == Data("other".utf8), "namespaces are kept apart")

        try await store.setData(Data("two".utf8), for: "k", in: "ns", expiresAfter: nil)
        try expect(try await store.data(for: "k", in: "ns") == Data("two".utf8), "setting again replaces the value")

        try await store.set(["r18": false], for: "group-1", in: "settings")
        try expect(try await store.get([String: Bool].self, for: "group-1", in: "settings") == ["r18": false], "Codable values round-trip")

        try await store.setData(Data("soon".utf8), for: "short", in: "ns", expiresAfter: .seconds(60))
        clock.advance(by: .seconds(59))
        try expect(try await store.data(for: "short", in: "ns") == Data("soon".utf8), "a value lives until it expires")
        try expect(try await store.keys(in: "ns") == ["k", "short"], "keys lists live keys, sorted")
        clock.advance(by: .seconds(2))
        try expect(try await store.data(for: "short", in: "ns") == nil, "an expired value is gone")
        try expect(try await store.keys(in: "ns") == ["k"], "keys leaves out expired keys")

        try await store.setData(Data("x".utf8), for: "k", in: "n_s%", expiresAfter: nil)
        try expect(try await store.namespaces(startingWith: "n") == ["n_s%", "ns"], "namespaces lists those with live values, sorted")
        try expect(try await store.namespaces(startingWith: "n_") == ["n_s%"], "a prefix is matched as written, _ and % too")
        try expect(try await store.namespaces(startingWith: "other") == ["other-ns"], "namespaces matches by prefix")

        try await store.removeValue(for: "k", in: "ns")
        try expect(try await store.data(for: "k", in: "ns") == nil, "a removed value is gone")
        try expect(try await store.data(for: "k", in: "other-ns") != nil, "removal is per namespace")
        try expect(try await store.namespaces(startingWith: "ns") == [], "a namespace whose values are gone is not listed")
    }

    private static func expect(_ condition: Bool, _ promise: String) throws {
        guard condition else { throw ContractViolation(promise: promise) }
    }
}

/// A store broke a promise of its protocol.
public struct ContractViolation: Error, CustomStringConvertible {
    public let promise: String
    public var description: String { "store contract broken: \(promise)" }
}
