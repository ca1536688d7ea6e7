import Foundation
import Synchronization
import VioCore

/// An ``HTTPTransport`` for tests: records every request and answers with scripted responses in order.
///
/// ```swift
/// let transport = ScriptedTransport([
///     .response(HTTPResponse(status: 429, headers: ["Retry-After": "1"])),
///     .response(HTTPResponse(status: 200, body: Data(#"{"ok":true}"#.utf8))),
/// ])
/// ```
public final class ScriptedTransport: HTTPTransport {
    /// One scripted answer.
    public enum Reply: Sendable {
        case response(HTTPResponse)
        /// A streamed response whose body arrives in the given chunks.
        case stream(status: Int, headers: HTTPHeaders, chunks: [Data])
        /// A streamed response that delivers `chunks`, then breaks with `failure` (a dropped connection).
        case brokenStream(status: Int, headers: HTTPHeaders, chunks: [Data], failure: TransportError)
        case failure(TransportError)
    }

    private struct State {
        var replies: [Reply]
        var requests: [HTTPRequest] = []
    }

    private let state: Mutex<State>

    public init(_ replies: [Reply]) {
        state = Mutex(State(replies: replies))
    }

    /// Every request sent so far, in order.
    public var requests: [HTTPRequest] { state.withLock { $0.requests } }

    /// Adds replies to the end of the script.
    public func enqueue(_ replies: Reply...) {
        state.withLock { $0.replies.append(contentsOf: replies) }
    }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        switch try next(for: request) {
        case .response(let response):
            return response
        case .stream(let status, let headers, let chunks):
            return HTTPResponse(status: status, headers: headers, body: chunks.reduce(Data(), +))
        case .brokenStream(_, _, _, let failure), .failure(let failure):
            throw failure
        }
    }

    public func stream(_ request: HTTPRequest) async throws -> HTTPStreamingResponse {
        switch try next(for: request) {
        case .response(let response):
            return HTTPStreamingResponse(status: response.status, headers: response.headers, body: Self.body([response.body]))
        case .stream(let status, let headers, let chunks):
            return HTTPStreamingResponse(status: status, headers: headers, body: Self.body(chunks))
        case .brokenStream(let status, let headers, let chunks, let failure):
            return HTTPStreamingResponse(status: status, headers: headers, body: Self.body(chunks, then: failure))
        case .failure(let error):
            throw error
        }
    }

    private func next(for request: HTTPRequest) throws -> Reply {
        try state.withLock { state in
            state.requests.append(request)
            guard !state.replies.isEmpty else { throw ScriptExhausted(request: request) }
            return state.replies.removeFirst()
        }
    }

    private static func body(_ chunks: [Data], then failure: TransportError? = nil) -> AsyncThrowingStream<Data, any Error> {
        AsyncThrowingStream { continuation in
            for chunk in chunks { continuation.yield(chunk) }
            continuation.finish(throwing: failure)
        }
    }
}

/// The code under test sent more requests than the test scripted.
public struct ScriptExhausted: Error, CustomStringConvertible {
    public let request: HTTPRequest
    public var description: String { "no scripted reply left for \(request.method) \(request.url)" }
}
