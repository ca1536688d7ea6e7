/// Sends HTTP requests for the SDK modules, so they carry no HTTP stack of their own.
///
/// `VioURLSession`'s `URLSessionTransport` works anywhere Foundation does; a server plugs in
/// `VioAsyncHTTPClient`'s `AsyncHTTPClientTransport`; tests plug in
/// `VioCoreTesting.ScriptedTransport` or a loopback server. VioCore itself links no HTTP stack.
///
/// A transport reports a response whatever its status (a 500 is a response, not an error) and throws
/// ``TransportError`` only when no response could be had.
public protocol HTTPTransport: Sendable {
    /// Sends a request and returns the whole response, whose body may hold at most
    /// `request.maximumBodySize` bytes.
    func send(_ request: HTTPRequest) async throws -> HTTPResponse

    /// Sends a request and returns as soon as the head arrives; the body follows in chunks.
    func stream(_ request: HTTPRequest) async throws -> HTTPStreamingResponse
}

/// Why a transport got no response.
public enum TransportError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The server could not be reached or the connection broke (refused, reset, DNS, TLS).
    case connectionFailed(host: String, reason: String)
    /// No complete response arrived in time.
    case timedOut(host: String, after: Duration?)
    /// The response body was longer than the request's `maximumBodySize`; reading stopped there.
    case responseTooLarge(host: String, limit: Int)
    /// The request was cancelled.
    case cancelled

    public var description: String {
        switch self {
        case .connectionFailed(let host, let reason):
            "could not reach \(host): \(reason)"
        case .timedOut(let host, let after):
            "\(host) did not answer" + (after.map { " within \($0)" } ?? " in time")
        case .responseTooLarge(let host, let limit):
            "\(host) sent a response larger than \(limit) bytes; it was not read"
        case .cancelled:
            "the request was cancelled"
        }
    }
}
