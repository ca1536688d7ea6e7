/// A token bucket: up to `capacity` actions at once, refilled at one token per `refillInterval`.
///
/// A plain value with no clock of its own: the owner passes the time in, so every step is testable.
public struct TokenBucket: Hashable, Sendable {
    /// How many actions a burst may have.
    public let capacity: Int
    /// The time it takes to earn one token back.
    public let refillInterval: Duration
    public private(set) var tokens: Double
    private var updatedAt: ContinuousClock.Instant

    public init(capacity: Int, refillInterval: Duration, now: ContinuousClock.Instant) {
        precondition(capacity > 0 && refillInterval > .zero, "a token bucket needs capacity and a refill rate")
        self.capacity = capacity
        self.refillInterval = refillInterval
        self.tokens = Double(capacity)
        self.updatedAt = now
    }

    /// Takes one token if there is one; `false` means the action must wait.
    public mutating func take(at now: ContinuousClock.Instant) -> Bool {
        refill(at: now)
        guard tokens >= 1 else { return false }
        tokens -= 1
        return true
    }

    /// Whether the bucket would be full at `now`; a full bucket carries no state worth keeping.
    public func isFull(at now: ContinuousClock.Instant) -> Bool {
        var copy = self
        copy.refill(at: now)
        return copy.tokens >= Double(capacity)
    }

    /// How long from `now` until a token is there to take; zero when one is.
    public func timeUntilNextToken(at now: ContinuousClock.Instant) -> Duration {
        var copy = self
        copy.refill(at: now)
        return copy.tokens >= 1 ? .zero : refillInterval * (1 - copy.tokens)
    }

    private mutating func refill(at now: ContinuousClock.Instant) {
        guard now > updatedAt else { return }
        let earned = (now - updatedAt) / refillInterval
        tokens = min(Double(capacity), tokens + earned)
        updatedAt = now
    }
}
