import Foundation

/// What retrying and backing off need from the outside world: waiting, the time and randomness.
/// Tests pass one that records the waits and returns at once.
///
/// ```swift
/// let waits = Mutex<[Duration]>([])
/// let environment = RetryEnvironment(sleep: { duration in waits.withLock { $0.append(duration) } },
///                                    now: { fixedDate }, random: { 0 })
/// ```
public struct RetryEnvironment: Sendable {
    /// Waits for the duration; throws `CancellationError` when the task is cancelled meanwhile.
    public var sleep: @Sendable (Duration) async throws -> Void
    /// The current time, for a server's "retry at this date".
    public var now: @Sendable () -> Date
    /// A random number in `0..<1`, for the jitter.
    public var random: @Sendable () -> Double

    /// Any part left out is the real one.
    public init(
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) },
        now: @escaping @Sendable () -> Date = { Date() },
        random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
    ) {
        self.sleep = sleep
        self.now = now
        self.random = random
    }

    /// Real sleeping on the continuous clock, the system time and real randomness.
    public static let live = RetryEnvironment()
}
