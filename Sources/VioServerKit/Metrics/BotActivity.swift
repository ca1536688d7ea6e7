import Foundation
import Synchronization
import VioCore

/// What each bot account has done since the server started: events in, actions out and how many
/// failed or timed out, when its last event came; and the chat model's recent requests. The
/// console shows it and its live page follows ``changes()``.
///
/// ```swift
/// let activity = BotActivity()
/// activity.eventArrived(on: .onebot, account: 10001)
/// activity.action(on: .onebot, account: 10001, outcome: .timedOut)
/// activity.accounts[BotAccount(platform: .onebot, id: 10001)]?.actionsTimedOut   // 1
/// ```
final class BotActivity: Sendable {
    /// How one action ended.
    enum Outcome: Sendable {
        case done, failed, timedOut
    }

    /// One account's counts.
    struct Counts: Sendable, Equatable {
        var eventsIn = 0
        var actionsOut = 0
        var actionsFailed = 0
        var actionsTimedOut = 0
        var lastEventAt: Date?
    }

    /// The chat model's requests: how many, how many failed, the last few durations, the last failure.
    struct ModelCounts: Sendable, Equatable {
        var requests = 0
        var failures = 0
        var recentDurations: [Duration] = []
        var lastFailure: String?

        /// The median of the recent requests, `nil` before the first.
        var recentMedian: Duration? {
            guard !recentDurations.isEmpty else { return nil }
            return recentDurations.sorted()[recentDurations.count / 2]
        }
    }

    /// How many durations ``ModelCounts/recentDurations`` keeps.
    static let recentRequests = 20

    private struct State {
        var accounts: [BotAccount: Counts] = [:]
        var models: [String: ModelCounts] = [:]
        var eventsHandled = 0
        var eventsDropped = 0
        var subscribers: [Int: AsyncStream<Void>.Continuation] = [:]
        var nextSubscriber = 0
    }

    private let state = Mutex(State())
    private let now: @Sendable () -> Date

    init(now: @escaping @Sendable () -> Date = { Date() }) {
        self.now = now
    }

    var accounts: [BotAccount: Counts] { state.withLock { $0.accounts } }
    var models: [String: ModelCounts] { state.withLock { $0.models } }
    var eventsHandled: Int { state.withLock { $0.eventsHandled } }
    var eventsDropped: Int { state.withLock { $0.eventsDropped } }

    /// An event reached the dispatcher for `account` (`nil` when the platform did not say which).
    func eventArrived(on platform: Platform, account: ID?) {
        let date = now()
        let key = BotAccount(platform: platform, id: account)
        changing { state in
            state.accounts[key, default: Counts()].eventsIn += 1
            state.accounts[key]?.lastEventAt = date
        }
    }

    /// An event's handlers all returned, or it was dropped.
    func eventEnded(dropped: Bool) {
        changing { state in
            if dropped { state.eventsDropped += 1 } else { state.eventsHandled += 1 }
        }
    }

    func action(on platform: Platform, account: ID?, outcome: Outcome) {
        changing { state in
            let key = BotAccount(platform: platform, id: account)
            state.accounts[key, default: Counts()].actionsOut += 1
            switch outcome {
            case .done: break
            case .failed: state.accounts[key, default: Counts()].actionsFailed += 1
            case .timedOut: state.accounts[key, default: Counts()].actionsTimedOut += 1
            }
        }
    }

    /// One request to `model`; `failure` says what went wrong when it did.
    func modelRequest(_ model: String, took duration: Duration, failure: String?) {
        changing { state in
            var counts = state.models[model, default: ModelCounts()]
            counts.requests += 1
            counts.recentDurations.append(duration)
            if counts.recentDurations.count > Self.recentRequests { counts.recentDurations.removeFirst() }
            if let failure {
                counts.failures += 1
                counts.lastFailure = failure
            }
            state.models[model] = counts
        }
    }

    /// A stream that yields once after each change (changes in a burst may come as one), until
    /// its reader stops.
    func changes() -> AsyncStream<Void> {
        let (stream, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        let number = state.withLock { state in
            state.nextSubscriber += 1
            state.subscribers[state.nextSubscriber] = continuation
            return state.nextSubscriber
        }
        continuation.onTermination = { [weak self] _ in
            _ = self?.state.withLock { $0.subscribers.removeValue(forKey: number) }
        }
        return stream
    }

    private func changing(_ change: (inout State) -> Void) {
        let subscribers = state.withLock { state in
            change(&state)
            return state.subscribers.isEmpty ? [] : Array(state.subscribers.values)
        }
        for subscriber in subscribers { subscriber.yield() }
    }
}

/// One bot account of one platform; `id` is `nil` where the platform has no account (HTTP).
struct BotAccount: Hashable, Sendable {
    let platform: Platform
    let id: ID?
}
