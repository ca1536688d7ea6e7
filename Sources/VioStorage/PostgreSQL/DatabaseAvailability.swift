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
        var readyWaiters: [CheckedContinuation<Void, Never>] = []
        /// Waiting for this many kept writes.
        var keptWaiters: [(count: Int, continuation: CheckedContinuation<Void, Never>)] = []
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
        let wasReady = state.withLock { state in
            let wasReady = state.phase == .ready
            switch state.phase {
            case .connecting: state.phase = .connecting(lastError: error)
            case .ready, .unreachable: state.phase = .unreachable(lastError: error)
            }
            return wasReady
        }
        if wasReady { lossInput.yield() }
        return wasReady
    }

    /// Keeps `write` to replay later; `true` when it is the first kept since the last replay.
    @discardableResult
    func keep(_ write: PendingWrite) -> Bool {
        let (isFirst, reached) = state.withLock { state in
            var write = write
            write.sequence = state.kept
            state.kept += 1
            state.pending.append(write)
            if state.pending.count > capacity {
                state.pending.removeFirst()
                state.dropped += 1
            }
            let count = state.pending.count
            let reached = state.keptWaiters.filter { $0.count <= count }.map(\.continuation)
            state.keptWaiters.removeAll { $0.count <= count }
            return (count == 1, reached)
        }
        for waiter in reached { waiter.resume() }
        return isFirst
    }

    /// Returns once `count` writes are kept at once (at once when they are): a write that finds the
    /// database gone is kept a moment after the loss is noticed, on the writer's task.
    func untilKept(atLeast count: Int) async {
        await withCheckedContinuation { continuation in
            let reached = state.withLock { state in
                if state.pending.count >= count { return true }
                state.keptWaiters.append((count, continuation))
                return false
            }
            if reached { continuation.resume() }
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
            defer { state.readyWaiters = [] }
            return state.readyWaiters
        }
        guard let waiters else { return false }
        for waiter in waiters { waiter.resume() }
        return true
    }

    /// Returns once the database is ready (at once when it is).
    func untilReady() async {
        await withCheckedContinuation { continuation in
            let isReady = state.withLock { state in
                if state.phase == .ready { return true }
                state.readyWaiters.append(continuation)
                return false
            }
            if isReady { continuation.resume() }
        }
    }

    /// Ends the loss signals: the monitor stops.
    func finish() { lossInput.finish() }
}
