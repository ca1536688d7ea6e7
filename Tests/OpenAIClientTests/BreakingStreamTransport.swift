import Foundation
import Synchronization
import VioCore

/// A transport whose streamed responses succeed, deliver `first`, then break with `failure`.
final class BreakingStreamTransport: HTTPTransport {
    private let first: Data
    private let failure: TransportError
    private let count = Mutex(0)

    init(first: Data, failure: TransportError) {
        self.first = first
        self.failure = failure
    }

    /// How many requests were made.
    var attempts: Int { count.withLock { $0 } }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        count.withLock { $0 += 1 }
        throw failure
    }

    func stream(_ request: HTTPRequest) async throws -> HTTPStreamingResponse {
        count.withLock { $0 += 1 }
        let (body, continuation) = AsyncThrowingStream.makeStream(of: Data.self)
        continuation.yield(first)
        continuation.finish(throwing: failure)
        return HTTPStreamingResponse(status: 200, body: body)
    }
}
