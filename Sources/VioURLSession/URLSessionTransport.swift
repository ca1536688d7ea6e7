import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Synchronization
import VioCore

/// VioCore's `HTTPTransport` on Foundation's `URLSession`, for apps and scripts without a server
/// HTTP client. On Linux it links FoundationNetworking and, through it, libcurl; a server on
/// SwiftNIO takes `VioAsyncHTTPClient` instead.
///
/// ```swift
/// import VioURLSession
/// let client = TelegramClient(token: Redacted(token), transport: URLSessionTransport())
/// ```
///
/// Every request streams through a session delegate, since Linux Foundation has no
/// `URLSession.bytes`; ``send(_:)`` collects the stream up to the request's limit. A request's
/// `timeout` becomes `URLRequest.timeoutInterval`, which Foundation applies to each wait for data.
/// Linux Foundation counts that interval in whole seconds, so there timeouts are rounded up to the
/// next second (a 0.3 s timeout would otherwise fire at once).
public final class URLSessionTransport: HTTPTransport {
    private let configuration: URLSessionConfiguration

    public init(configuration: URLSessionConfiguration = .ephemeral) {
        self.configuration = configuration
    }

    /// Streams the response and collects it, so a body over `request.maximumBodySize` is refused
    /// without being read whole (a data task would buffer all of it first).
    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let response = try await stream(request, limit: request.maximumBodySize)
        var body = Data()
        for try await chunk in response.body { body.append(chunk) }
        return HTTPResponse(status: response.status, headers: response.headers, body: body)
    }

    public func stream(_ request: HTTPRequest) async throws -> HTTPStreamingResponse {
        try await stream(request, limit: nil)
    }

    /// Streams the response; past `limit` bytes of body the task is cancelled and the body throws.
    private func stream(_ request: HTTPRequest, limit: Int?) async throws -> HTTPStreamingResponse {
        let delegate = StreamingDelegate(request: request, limit: limit)
        let streamingSession = URLSession(configuration: configuration, delegate: delegate, delegateQueue: nil)
        let task = streamingSession.dataTask(with: Self.urlRequest(for: request))
        streamingSession.finishTasksAndInvalidate()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                delegate.start(task, head: continuation)
            }
        } onCancel: {
            task.cancel()
        }
    }

    static func urlRequest(for request: HTTPRequest) -> URLRequest {
        var urlRequest = URLRequest(url: request.url)
        urlRequest.httpMethod = request.method
        urlRequest.httpBody = request.body
        if let timeout = request.timeout { urlRequest.timeoutInterval = foundationInterval(timeout) }
        for field in request.headers { urlRequest.addValue(field.value, forHTTPHeaderField: field.name) }
        return urlRequest
    }

    /// The interval Foundation is given for `timeout`: whole seconds, rounded up, on Linux.
    static func foundationInterval(_ timeout: Duration) -> TimeInterval {
        #if canImport(FoundationNetworking)
        return max(1, timeout.timeInterval.rounded(.up))
        #else
        return timeout.timeInterval
        #endif
    }

    static func headers(of response: HTTPURLResponse) -> HTTPHeaders {
        HTTPHeaders(response.allHeaderFields.compactMap { name, value in
            guard let name = name as? String else { return nil }
            return (name: name, value: "\(value)")
        })
    }

    static func transportError(_ error: any Error, request: HTTPRequest) -> TransportError {
        let host = request.url.host ?? request.url.absoluteString
        guard let urlError = error as? URLError else {
            return .connectionFailed(host: host, reason: "\(error)")
        }
        switch urlError.code {
        case .timedOut: return .timedOut(host: host, after: request.timeout)
        case .cancelled: return .cancelled
        default: return .connectionFailed(host: host, reason: urlError.localizedDescription)
        }
    }
}

/// Turns one data task's delegate callbacks into a response head and a stream of body chunks.
private final class StreamingDelegate: NSObject, URLSessionDataDelegate, Sendable {
    private struct State {
        var head: CheckedContinuation<HTTPStreamingResponse, any Error>?
        var received = 0
    }

    private let request: HTTPRequest
    /// The most body bytes to pass on; `nil` for no limit.
    private let limit: Int?
    private let state = Mutex(State())
    private let body: AsyncThrowingStream<Data, any Error>
    private let chunks: AsyncThrowingStream<Data, any Error>.Continuation

    init(request: HTTPRequest, limit: Int?) {
        self.request = request
        self.limit = limit
        (body, chunks) = AsyncThrowingStream.makeStream(of: Data.self)
    }

    func start(_ task: URLSessionDataTask, head: CheckedContinuation<HTTPStreamingResponse, any Error>) {
        state.withLock { $0.head = head }
        chunks.onTermination = { termination in
            if case .cancelled = termination { task.cancel() }
        }
        task.resume()
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void) {
        let head = state.withLock { state in
            defer { state.head = nil }
            return state.head
        }
        if let response = response as? HTTPURLResponse {
            head?.resume(returning: HTTPStreamingResponse(status: response.statusCode, headers: URLSessionTransport.headers(of: response), body: body))
            completionHandler(.allow)
        } else {
            head?.resume(throwing: TransportError.connectionFailed(host: request.url.host ?? "", reason: "the response was not HTTP"))
            completionHandler(.cancel)
        }
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let received = state.withLock { state in
            state.received += data.count
            return state.received
        }
        if let limit, received > limit {
            dataTask.cancel()
            chunks.finish(throwing: TransportError.responseTooLarge(host: request.url.host ?? request.url.absoluteString, limit: limit))
        } else {
            chunks.yield(data)
        }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        let head = state.withLock { state in
            defer { state.head = nil }
            return state.head
        }
        if let error {
            let failure = URLSessionTransport.transportError(error, request: request)
            head?.resume(throwing: failure)
            chunks.finish(throwing: failure)
        } else {
            head?.resume(throwing: TransportError.connectionFailed(host: request.url.host ?? "", reason: "the connection closed before a response"))
            chunks.finish()
        }
    }
}
