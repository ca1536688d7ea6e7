/// What a ``Dispatcher`` tells about its work, for metrics and tracing: each accepted event's
/// actions (to wrap, counting what handlers do), and how each event ended. VioCore imports no
/// metrics library; a server turns these calls into its own counters.
///
/// ```swift
/// struct Counting: DispatchObserver {
///     func handled(_ event: BotEvent, on platform: Platform, in duration: Duration) {
///         print("\(platform): handled in \(duration)")
///     }
///     func dropped(_ event: BotEvent, on platform: Platform) {}
/// }
/// let dispatcher = Dispatcher(bot: bot, observer: Counting())
/// ```
public protocol DispatchObserver: Sendable {
    /// The actions the accepted `delivery` is handled through: its own, or them wrapped.
    func actions(for delivery: Delivery) -> any ChatActions

    /// An event was handled: every handler returned `duration` after it was delivered (time spent
    /// waiting for a free handler included).
    func handled(_ event: BotEvent, on platform: Platform, in duration: Duration)

    /// An event was dropped: the dispatcher was shutting down or too many events were waiting.
    func dropped(_ event: BotEvent, on platform: Platform)
}

extension DispatchObserver {
    public func actions(for delivery: Delivery) -> any ChatActions {
        delivery.actions
    }
}
