import Synchronization

/// One connection's events on their way to handlers: at most `limit` run at once, further ones wait
/// in arrival order (up to `maxWaiting`) for a handler that finishes to pick them up.
final class HandlerSlots: Sendable {
    enum Admission: Equatable {
        /// A handler slot was free: start a handler with the delivery.
        case start
        /// Every slot is busy: a running handler takes the delivery when it finishes.
        case waiting
        /// Every slot is busy and the waiting line is full: the delivery is not taken.
        case refused
    }

    private struct State: ~Copyable {
        var running = 0
        var waiting = WaitingLine<Delivery>()
    }
    private let state = Mutex(State())
    let limit: Int
    let maxWaiting: Int

    init(limit: Int, maxWaiting: Int) {
        self.limit = max(limit, 1)
        self.maxWaiting = max(maxWaiting, 0)
    }

    /// Takes a new delivery and says what to do with it.
    func admit(_ delivery: Delivery) -> Admission {
        state.withLock { state in
            if state.running < limit {
                state.running += 1
                return .start
            }
            guard state.waiting.count < maxWaiting else { return .refused }
            state.waiting.append(delivery)
            return .waiting
        }
    }

    /// Called by a handler that finished: the next waiting delivery for it, or `nil` when none waits
    /// and its slot is free again.
    func next() -> Delivery? {
        state.withLock { state in
            if let delivery = state.waiting.popFirst() { return delivery }
            state.running -= 1
            return nil
        }
    }
}
