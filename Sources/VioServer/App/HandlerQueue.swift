import DequeModule
import Synchronization
import VioCore

/// One connection's events on their way to handlers: at most `limit` run at once, further ones wait
/// in arrival order (up to `maxWaiting`) for a handler that finishes to pick them up.
final class HandlerQueue: Sendable {
    enum Admission: Equatable {
        /// A handler slot was free: start a handler with the event.
        case start
        /// Every slot is busy: a running handler will take the event when it finishes.
        case waiting
        /// Every slot is busy and the waiting line is full: the event is not taken.
        case refused
    }

    private struct State {
        var running = 0
        var waiting = Deque<BotEvent>()
    }
    private let state = Mutex(State())
    let limit: Int
    let maxWaiting: Int

    init(limit: Int, maxWaiting: Int) {
        self.limit = limit
        self.maxWaiting = maxWaiting
    }

    /// Takes a new event and says what to do with it.
    func admit(_ event: BotEvent) -> Admission {
        state.withLock { state in
            if state.running < limit {
                state.running += 1
                return .start
            }
            guard state.waiting.count < maxWaiting else { return .refused }
            state.waiting.append(event)
            return .waiting
        }
    }

    /// Called by a handler that finished an event: the next waiting event for it, or `nil` when none
    /// waits and its slot is free again.
    func next() -> BotEvent? {
        state.withLock { state in
            if let event = state.waiting.popFirst() { return event }
            state.running -= 1
            return nil
        }
    }
}
