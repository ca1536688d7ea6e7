import DequeModule
import Foundation
import Synchronization

/// Whether the database can be used now, and the writes kept while it could not.
///
/// It starts `connecting`; the monitor makes it `ready` once the schema is in place, and any
/// operation that finds the database gone makes it `unreachable` (reads then fail at once instead of
/// waiting). Writes made while it is not ready are kept in order, up to ``capacity``, and the monitor
/// replays them when the database is back before it is ready again, so no write overtakes an earlier one.
///
/// ```swift
/// let availability = DatabaseAvailability()
/// if availability.keep(write) { logger.warning("keeping writes until the database is back") }
/// availability.becomeReadyIfDrained()   // false while a kept write waits
/// ```
final class DatabaseAvailability: Sendable {
    /// A write to replay: what it does, for the log, and the work.
    struct PendingWrite: Sendable {
        let summary: String
        let perform: @Sendable (PostgresDatabase) async throws -> Void
        /// Its place in the order of kept writes.
        fileprivate(set) var sequence = 0

        init(summary: String, perform: @escaping @Sendable (PostgresDatabase) async throws -> Void) {
            self.summary = summary
            self.perform = perform
        }
    }

    enum Phase: Sendable, Equatable {
        case connecting(lastError: String?)
        case ready
        case unreachable(lastError: String)
    }

    private struct State {
        var phase = Phase.connecting(lastError: nil)
        var pending = Deque<PendingWrite>()
        var kept = 0
        var dropped = 0
        var waiters: [Change: [CheckedContinuation<Void, Never>]] = [:]
    }

    /// What a waiter waits for.
    private enum Change: Hashable {
        case ready, lost

        func hasHappened(in phase: Phase) -> Bool {
            self == .ready ? phase == .ready : phase != .ready
        }
    }

    /// Kept writes at most; past it the oldest are dropped, and counted in the log.
    let capacity: Int
    private let state = Mutex(State())
    /// Yields each time the database is found gone while it was ready: the monitor's cue to reconnect.
    let losses: AsyncStream<Void>
    private let lossInput: AsyncStream<Void>.Continuation

    init(capacity: Int = 10_000) {
        self.capacity = capacity
        (losses, lossInput) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    var phase: Phase { state.withLock { $0.phase } }

    /// Whether a write may go to the database now: it is ready and no kept write waits before it.
    var takesWritesDirectly: Bool {
        state.withLock { $0.phase == .ready && $0.pending.isEmpty }
    }

    var pendingCount: Int { state.withLock { $0.pending.count } }

    /// Records that the database is gone; `true` when it was ready until now.
    @discardableResult
    func lost(_ error: String) -> Bool {
        let (wasReady, waiters) = state.withLock { state in
            let wasReady = state.phase == .ready
            switch state.phase {
            case .connecting: state.phase = .connecting(lastError: error)
            case .ready, .unreachable: state.phase = .unreachable(lastError: error)
            }
            return (wasReady, state.waiters.removeValue(forKey: .lost) ?? [])
        }
        if wasReady { lossInput.yield() }
        for waiter in waiters { waiter.resume() }
        return wasReady
    }

    /// Returns once the database is found unreachable (at once when it is not ready).
    func untilLost() async { await wait(for: .lost) }

    /// Keeps `write` to replay later; `true` when it is the first kept since the last replay.
    @discardableResult
    func keep(_ write: PendingWrite) -> Bool {
        state.withLock { state in
            var write = write
            write.sequence = state.kept
            state.kept += 1
            state.pending.append(write)
            if state.pending.count > capacity {
                state.pending.removeFirst()
                state.dropped += 1
            }
            return state.pending.count == 1
        }
    }

    /// The oldest kept write, still kept until ``replayed(_:)``.
    var nextPending: PendingWrite? { state.withLock { $0.pending.first } }

    /// `write` is in the database now (unless it was dropped for room meanwhile, then nothing changes).
    func replayed(_ write: PendingWrite) {
        state.withLock { state in
            if state.pending.first?.sequence == write.sequence { _ = state.pending.popFirst() }
        }
    }

    /// How many kept writes were dropped for room since the last call.
    func takeDroppedCount() -> Int {
        state.withLock { state in
            defer { state.dropped = 0 }
            return state.dropped
        }
    }

    /// Becomes ready when no kept write waits; `false` (and unchanged) otherwise.
    func becomeReadyIfDrained() -> Bool {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>]? in
            guard state.pending.isEmpty else { return nil }
            state.phase = .ready
            return state.waiters.removeValue(forKey: .ready) ?? []
        }
        guard let waiters else { return false }
        for waiter in waiters { waiter.resume() }
        return true
    }

    /// Returns once the database is ready (at once when it is).
    func untilReady() async { await wait(for: .ready) }

    private func wait(for change: Change) async {
        await withCheckedContinuation { continuation in
            let happened = state.withLock { state in
                if change.hasHappened(in: state.phase) { return true }
                state.waiters[change, default: []].append(continuation)
                return false
            }
            if happened { continuation.resume() }
        }
    }

    /// Ends the loss signals: the monitor stops.
    func finish() { lossInput.finish() }
}
