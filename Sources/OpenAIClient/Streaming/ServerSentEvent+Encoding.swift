extension ServerSentEvent {
    /// The event as a `text/event-stream` body carries it, blank line included: what a server (a
    /// proxy relaying a stream, say) writes, and what ``SSEParser`` reads back.
    ///
    /// ```swift
    /// ServerSentEvent(event: "done", data: "{}").encoded   // "event: done\ndata: {}\n\n"
    /// ```
    public var encoded: String {
        var text = ""
        if let event { text += "event: \(event)\n" }
        if let id { text += "id: \(id)\n" }
        if let retry { text += "retry: \(retry)\n" }
        for line in data.split(separator: "\n", omittingEmptySubsequences: false) {
            text += "data: \(line)\n"
        }
        return text + "\n"
    }
}
