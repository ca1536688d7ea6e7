/// Growing waits between attempts: `initial`, then multiplied by `multiplier` each time, up to `maximum`.
///
/// ```swift
/// let backoff = Backoff(initial: .seconds(1), maximum: .seconds(30))
/// backoff.delay(forAttempt: 3) // 4 seconds
/// ```
public struct Backoff: Hashable, Sendable {
    public var initial: Duration
    public var maximum: Duration
    public var multiplier: Double

    public init(initial: Duration, maximum: Duration, multiplier: Double = 2) {
        self.initial = initial
        self.maximum = maximum
        self.multiplier = multiplier
    }

    /// The wait after the `attempt`-th failure in a row (1 for the first).
    public func delay(forAttempt attempt: Int) -> Duration {
        var delay = initial
        for _ in 1..<max(attempt, 1) {
            delay = delay * multiplier
            if delay >= maximum { return maximum }
        }
        return min(delay, maximum)
    }
}
