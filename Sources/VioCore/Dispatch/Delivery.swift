/// An event together with the connection it came in on, so the handler's actions go back there.
///
/// A connection that reads on a thread it must not hold for long (a NIO event loop) can ask for the
/// handler of a heavy event to run elsewhere:
///
/// ```swift
/// var delivery = Delivery(event, via: adapter)
/// if frame.count >= 256 << 10 { delivery.preferredExecutor = globalConcurrentExecutor }
/// deliver(delivery)
/// ```
///
/// A connection that answers each event itself (one HTTP request, one reply) learns when the
/// handler is done:
///
/// ```swift
/// let outcome = await withCheckedContinuation { done in
///     deliver(Delivery(event, via: replies, onFinished: { done.resume(returning: $0) }))
/// }
/// return outcome == .handled ? replies.collected : nil
/// ```
public struct Delivery: Sendable {
    /// What became of a delivered event.
    public enum Outcome: Hashable, Sendable {
        /// The bot handled it: every handler has returned.
        case handled
        /// It was never handled: the dispatcher was shutting down or too many events were waiting.
        case dropped
    }

    public var event: BotEvent
    public var actions: any ChatActions
    /// Where the event's handler runs; `nil` runs it where the connection runs (its task executor
    /// preference, if it has one).
    public var preferredExecutor: (any TaskExecutor)?
    /// Called exactly once, when the event has been handled or dropped.
    public var onFinished: (@Sendable (Outcome) -> Void)?
    /// When the dispatcher accepted it, for its observer's handling time.
    var acceptedAt: ContinuousClock.Instant?

    public init(
        _ event: BotEvent, via actions: any ChatActions, preferredExecutor: (any TaskExecutor)? = nil,
        onFinished: (@Sendable (Outcome) -> Void)? = nil
    ) {
        self.event = event
        self.actions = actions
        self.preferredExecutor = preferredExecutor
        self.onFinished = onFinished
    }
}
