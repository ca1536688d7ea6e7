/// Tells a dead connection from a quiet one by its heartbeats, sans I/O: every event is a sign of
/// life, and a heartbeat also says when the next one is due (`interval`). Once a heartbeat has
/// been seen, the connection is overdue when nothing arrived for `tolerance` intervals; before
/// (heartbeats can be switched off), it never is.
///
/// Generic over the instant, so a test drives it with a clock of its own.
///
/// ```swift
/// var watch = HeartbeatWatch<ContinuousClock.Instant>()
/// watch.received(event, at: clock.now)                 // for every event the connection reads
/// if let deadline = watch.deadline {                   // a timer sleeps until then, and checks
///     try await clock.sleep(until: deadline)
///     if watch.isOverdue(at: clock.now) { closeAndReconnect() }
/// }
/// ```
public struct HeartbeatWatch<Instant: InstantProtocol>: Sendable where Instant.Duration == Duration {
    /// How many intervals may pass without an event before the connection counts as dead.
    public var tolerance: Int
    /// The interval the last heartbeat announced; `nil` until one is seen.
    public private(set) var interval: Duration?
    /// When the last event arrived.
    public private(set) var lastEvent: Instant?

    public init(tolerance: Int = 3) {
        self.tolerance = tolerance
    }

    /// Notes an event read at `now`.
    public mutating func received(_ event: OneBotEvent, at now: Instant) {
        lastEvent = now
        if case .meta(.heartbeat(let heartbeat)) = event.kind, heartbeat.interval > .zero {
            interval = heartbeat.interval
        }
    }

    /// When the connection becomes overdue if nothing more arrives; `nil` while no heartbeat was seen.
    public var deadline: Instant? {
        guard let interval, let lastEvent else { return nil }
        return lastEvent.advanced(by: interval * tolerance)
    }

    /// Whether the heartbeats stopped: nothing arrived by the deadline.
    public func isOverdue(at now: Instant) -> Bool {
        deadline.map { now >= $0 } ?? false
    }
}
