import Synchronization

/// What a platform's routes received, on their way to the platform connection that delivers it to
/// the dispatcher: a Telegram webhook's updates, the HTTP chat endpoints' messages.
///
/// ```swift
/// let inbox = RouteInbox<Update>()
/// router.post("hook") { … inbox.deliver(update) ? .ok : .serviceUnavailable }
/// let updates = inbox.open()          // in the platform's service, once it can take them
/// for await update in updates { … }   // ends after close(), with what was taken before it
/// ```
final class RouteInbox<Element: Sendable>: Sendable {
    private let input = Mutex<AsyncStream<Element>.Continuation?>(nil)

    init() {}

    /// Starts taking elements; returns them as a stream.
    func open() -> AsyncStream<Element> {
        let (elements, continuation) = AsyncStream.makeStream(of: Element.self)
        input.withLock { $0 = continuation }
        return elements
    }

    /// Hands an element on; `false` when none is taken now (not yet open, or closed for shutdown).
    func deliver(_ element: Element) -> Bool {
        guard let continuation = input.withLock({ $0 }), case .enqueued = continuation.yield(element) else { return false }
        return true
    }

    /// Stops taking elements; the stream ends once it has given out those taken before.
    func close() {
        input.withLock { state in
            state?.finish()
            state = nil
        }
    }
}
