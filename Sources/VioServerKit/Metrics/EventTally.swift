import Synchronization

/// How many events the server has handled, every platform's together, counted as each one's
/// handlers finish, with a wait for a count: what a test needs to know that a notice was handled
/// before it checks that nothing was sent.
///
/// ```swift
/// let tally = EventTally()
/// tally.record()                       // the dispatcher's observer, once an event
/// await tally.untilCount(atLeast: 1)   // returns at once now
/// ```
final class EventTally: Sendable {
    private struct State {
        var count = 0
        var waiters: [(target: Int, continuation: CheckedContinuation<Void, Never>)] = []
    }
    private let state = Mutex(State())

    var count: Int { state.withLock { $0.count } }

    /// One more event handled.
    func record() {
        let reached = state.withLock { state in
            state.count += 1
            let count = state.count
            let reached = state.waiters.filter { $0.target <= count }
            state.waiters.removeAll { $0.target <= count }
            return reached
        }
        for waiter in reached { waiter.continuation.resume() }
    }

    /// Returns once `target` events in all have been handled (at once when they have).
    func untilCount(atLeast target: Int) async {
        await withCheckedContinuation { continuation in
            let reached = state.withLock { state in
                if state.count >= target { return true }
                state.waiters.append((target, continuation))
                return false
            }
            if reached { continuation.resume() }
        }
    }
}
