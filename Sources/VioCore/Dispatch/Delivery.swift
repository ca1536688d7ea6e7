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
public struct Delivery: Sendable {
    public var event: BotEvent
    public var actions: any ChatActions
    /// Where the event's handler runs; `nil` runs it where the connection runs (its task executor
    /// preference, if it has one).
    public var preferredExecutor: (any TaskExecutor)?

    public init(_ event: BotEvent, via actions: any ChatActions, preferredExecutor: (any TaskExecutor)? = nil) {
        self.event = event
        self.actions = actions
        self.preferredExecutor = preferredExecutor
    }
}
