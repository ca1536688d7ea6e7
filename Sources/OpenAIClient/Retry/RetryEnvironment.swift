import Foundation

/// What retrying needs from the outside world: waiting, the time and randomness. Tests pass a fake
/// that records the waits and returns at once.
///
/// ```swift
/// let client = OpenAIClient(configuration: configuration, transport: transport,
///                           environment: RetryEnvironment(sleep: { waits.append($0) }, now: { fixedDate }, jitter: { 0 }))
/// ```
public struct RetryEnvironment: Sendable {
    /// Waits for the duration; throws when the task is cancelled.
    public var sleep: @Sendable (Duration) async throws -> Void
    public var now: @Sendable () -> Date
    /// A random number in `0..<1`.
    public var jitter: @Sendable () -> Double

    public init(sleep: @escaping @Sendable (Duration) async throws -> Void, now: @escaping @Sendable () -> Date,
                jitter: @escaping @Sendable () -> Double) {
        self.sleep = sleep
        self.now = now
        self.jitter = jitter
    }

    /// Real sleeping, the system clock and a random jitter.
    public static let live = RetryEnvironment(
        sleep: { try await Task.sleep(for: $0) }, now: { Date() }, jitter: { Double.random(in: 0..<1) })
}
