/// How the client and the poller wait. Tests pass one that returns at once and records the waits.
///
/// ```swift
/// let waits = Mutex<[Duration]>([])
/// let sleeper = Sleeper { duration in waits.withLock { $0.append(duration) } }
/// ```
public struct Sleeper: Sendable {
    private let body: @Sendable (Duration) async throws -> Void

    public init(_ body: @escaping @Sendable (Duration) async throws -> Void) {
        self.body = body
    }

    /// Waits for `duration`; throws `CancellationError` when the task is cancelled meanwhile.
    public func sleep(for duration: Duration) async throws {
        try await body(duration)
    }

    /// Real time, on the continuous clock.
    public static let continuous = Sleeper { duration in
        try await Task.sleep(for: duration)
    }
}
