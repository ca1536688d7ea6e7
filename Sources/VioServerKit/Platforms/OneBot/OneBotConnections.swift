import Foundation
import OneBot
import Synchronization
import VioCore

/// The OneBot reverse WebSocket connections open now: per bot account (`X-Self-ID`), the socket
/// that carries its events (a Universal or Event socket) and, with split roles, the API socket
/// its actions go to.
///
/// A new socket for an account and role replaces the old one, which is told to close:
/// implementations reconnect without always closing the previous socket cleanly. An Event
/// socket's actions wait for the account's API socket (``apiClient(of:for:waitingUpTo:)``): an
/// implementation dials both at once, and an event may arrive before the API socket is up.
///
/// Guarded by a lock rather than an actor: `/ping` reads it from the connection's event loop, and
/// an actor would cost two thread hops per `/ping`.
final class OneBotConnections: Sendable {
    /// What a socket carries for its account.
    enum Socket: Sendable {
        /// Events, and for a Universal socket its own actions too.
        case events
        /// Only the responses to actions sent on it (`X-Client-Role: API`): its client performs
        /// the actions of the account's Event socket.
        case api(OneBotClient)

        fileprivate var carries: Carries {
            switch self {
            case .events: .events
            case .api: .api
            }
        }
    }

    fileprivate enum Carries: Hashable {
        case events, api
    }

    fileprivate struct Key: Hashable {
        let account: ID
        let carries: Carries
    }

    /// One socket's place, for ``remove(_:)``.
    struct Registration: Sendable {
        fileprivate let key: Key
        fileprivate let number: Int
    }

    private struct Entry {
        let number: Int
        let socket: Socket
        let peer: Peer
        let close: @Sendable () -> Void
    }

    /// Who dialled a socket, and when.
    struct Peer: Sendable, Equatable {
        /// The implementation, from its `User-Agent` (``implementation(fromUserAgent:)``).
        var implementation: String?
        var since: Date
    }

    private typealias APIWaiter = CheckedContinuation<OneBotClient, any Error>

    private struct State {
        var entries: [Key: Entry] = [:]
        var nextNumber = 0
        /// Actions waiting for an account's API socket, by waiter number.
        var apiWaiters: [ID: [Int: APIWaiter]] = [:]

        func apiClient(of account: ID) -> OneBotClient? {
            guard case .api(let client)? = entries[Key(account: account, carries: .api)]?.socket else { return nil }
            return client
        }
    }

    private let state = Mutex(State())

    init() {}

    /// Registers a socket of `account`, dialled by `peer`, for ``remove(_:)``; an older socket of
    /// the account carrying the same is closed with its `close`.
    func add(_ account: ID, _ socket: Socket, peer: Peer = Peer(since: Date()), close: @escaping @Sendable () -> Void) -> Registration {
        let key = Key(account: account, carries: socket.carries)
        let (number, replaced, waiters) = state.withLock { state in
            state.nextNumber += 1
            let replaced = state.entries.updateValue(Entry(number: state.nextNumber, socket: socket, peer: peer, close: close), forKey: key)
            let waiters = key.carries == .api ? state.apiWaiters.removeValue(forKey: account) ?? [:] : [:]
            return (state.nextNumber, replaced, waiters)
        }
        replaced?.close()
        if case .api(let client) = socket {
            for waiter in waiters.values { waiter.resume(returning: client) }
        }
        return Registration(key: key, number: number)
    }

    /// Forgets a socket, unless a newer one for the same account and role has replaced it.
    func remove(_ registration: Registration) {
        state.withLock { state in
            if state.entries[registration.key]?.number == registration.number { state.entries[registration.key] = nil }
        }
    }

    /// The client of `account`'s API socket, waiting for the socket up to `timeout` when it is not
    /// connected; throws ``OneBotError/unreachable(action:reason:)`` for `action` when none comes.
    func apiClient(of account: ID, for action: String, waitingUpTo timeout: Duration) async throws -> OneBotClient {
        if let client = state.withLock({ $0.apiClient(of: account) }) { return client }
        return try await withThrowingTaskGroup(of: OneBotClient.self) { group in
            group.addTask { try await self.waitForAPISocket(of: account) }
            group.addTask {
                try await Task.sleep(for: timeout)
                throw OneBotError.unreachable(
                    action: action,
                    reason: "account \(account)'s API socket (X-Client-Role: API on /onebot/v11/ws/api) did not connect within \(timeout)")
            }
            defer { group.cancelAll() }
            guard let client = try await group.next() else { throw CancellationError() }
            return client
        }
    }

    private func waitForAPISocket(of account: ID) async throws -> OneBotClient {
        let number = state.withLock { state in
            state.nextNumber += 1
            return state.nextNumber
        }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (waiter: APIWaiter) in
                // Checked under the lock: a cancellation either is seen here or finds the waiter.
                let outcome = state.withLock { state -> Result<OneBotClient, any Error>? in
                    if let client = state.apiClient(of: account) { return .success(client) }
                    if Task.isCancelled { return .failure(CancellationError()) }
                    state.apiWaiters[account, default: [:]][number] = waiter
                    return nil
                }
                if let outcome { waiter.resume(with: outcome) }
            }
        } onCancel: {
            state.withLock { $0.apiWaiters[account]?.removeValue(forKey: number) }?.resume(throwing: CancellationError())
        }
    }

    /// The accounts connected now, sorted, each with the peer of its event socket (or of its API
    /// socket while that is all it has).
    var connected: [(account: ID, peer: Peer)] {
        let entries = state.withLock { $0.entries }
        let accounts = Set(entries.keys.map(\.account)).sorted()
        return accounts.compactMap { account in
            (entries[Key(account: account, carries: .events)] ?? entries[Key(account: account, carries: .api)]).map { (account, $0.peer) }
        }
    }

    /// The OneBot implementation a `User-Agent` names: go-cqhttp sends `CQHttp/4.15.0`, NapCat
    /// `OneBot/11` (which LLOneBot may send too), others their own name; `nil` without one.
    static func implementation(fromUserAgent userAgent: String?) -> String? {
        guard let userAgent = userAgent?.trimmingCharacters(in: .whitespaces), !userAgent.isEmpty else { return nil }
        let lowered = userAgent.lowercased()
        let known: [(String, String)] = [
            ("cqhttp", "go-cqhttp"), ("napcat", "NapCat"), ("lagrange", "Lagrange.OneBot"), ("llonebot", "LLOneBot"),
            ("onebot/11", "NapCat or LLOneBot"),
        ]
        guard let name = known.first(where: { lowered.contains($0.0) })?.1 else { return String(userAgent.prefix(80)) }
        return "\(name) (\(userAgent.prefix(80)))"
    }
}
