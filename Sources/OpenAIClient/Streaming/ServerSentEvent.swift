/// One event of a `text/event-stream` body, as ``SSEParser`` dispatches it.
///
/// ```swift
/// var parser = SSEParser()
/// for event in parser.feed(Data("event: ping\ndata: {}\n\n".utf8)) {
///     print(event.event ?? "message", event.data)   // ping {}
/// }
/// ```
public struct ServerSentEvent: Hashable, Sendable {
    /// The `event:` name; `nil` when the server gave none (the default "message" type).
    public var event: String?
    /// The `data:` lines of the event joined with `\n`.
    public var data: String
    /// The last `id:` the stream set, which carries over to later events as the standard says.
    public var id: String?
    /// The `retry:` reconnection time in milliseconds, when this event set one.
    public var retry: Int?

    public init(event: String? = nil, data: String, id: String? = nil, retry: Int? = nil) {
        self.event = event
        self.data = data
        self.id = id
        self.retry = retry
    }
}
