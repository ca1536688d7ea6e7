/// How long a dialler waits before dialling again: `first` after the first failure, doubling to at
/// most `cap`, for ever: a peer that comes back hours later is picked up within `cap`.
///
/// ```swift
/// let backoff = ReconnectBackoff()
/// backoff.delay(afterFailures: 1)   // 1 s
/// backoff.delay(afterFailures: 9)   // 30 s
/// ```
struct ReconnectBackoff: Sendable {
    var first: Duration = .seconds(1)
    var cap: Duration = .seconds(30)

    /// The wait after `failures` failed or lost connections in a row (at least 1).
    func delay(afterFailures failures: Int) -> Duration {
        var delay = first
        for _ in 1..<max(failures, 1) where delay < cap {
            delay *= 2
        }
        return min(delay, cap)
    }
}
