import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOFoundationCompat
import VioCore

/// VioCore's `HTTPTransport` on AsyncHTTPClient: what `vio-server` uses to reach models and APIs,
/// and what a Hummingbird or Vapor server takes so that it links no URLSession (and no libcurl).
///
/// ```swift
/// import VioAsyncHTTPClient
/// try await AsyncHTTPClientTransport.withTransport { transport in
///     let client = OpenAIClient(configuration: .init(apiKey: Redacted(key)), transport: transport)
///     print(try await client.chat(request).text ?? "")
/// }
/// ```
public struct AsyncHTTPClientTransport: HTTPTransport {
    public let client: HTTPClient
    /// The deadline for requests that set no timeout of their own.
    public var defaultTimeout: Duration = .seconds(600)

    /// A transport on `client`, which you shut down when you are done with it.
    public init(client: HTTPClient) {
        self.client = client
    }

    /// Runs `body` with a transport on a client of its own, shut down afterwards whatever happens.
    ///
    /// The client fails fast on a refused connection instead of retrying until the deadline: a dead
    /// upstream should cost the user a second, not the whole timeout.
    public static func withTransport<Result>(_ body: (AsyncHTTPClientTransport) async throws -> Result) async throws -> Result {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool.retryConnectionEstablishment = false
        configuration.timeout.connect = .seconds(10)
        let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
        do {
            let result = try await body(AsyncHTTPClientTransport(client: client))
            try await client.shutdown()
            return result
        } catch {
            try? await client.shutdown()
            throw error
        }
    }

    public func send(_ request: VioCore.HTTPRequest) async throws -> VioCore.HTTPResponse {
        try await mappingErrors(of: request) {
            let response = try await client.execute(clientRequest(for: request), deadline: deadline(for: request))
            let body = try await response.body.collect(upTo: request.maximumBodySize)
            return HTTPResponse(status: Int(response.status.code), headers: Self.headers(response.headers), body: Data(buffer: body))
        }
    }

    public func stream(_ request: VioCore.HTTPRequest) async throws -> HTTPStreamingResponse {
        let response = try await mappingErrors(of: request) {
            try await client.execute(clientRequest(for: request), deadline: deadline(for: request))
        }
        // Chunks are read as the consumer asks for them, so a fast server cannot fill memory.
        let reader = BodyReader(response.body.makeAsyncIterator())
        let body = AsyncThrowingStream<Data, any Error>(unfolding: {
            do {
                return try await reader.next().map { Data(buffer: $0) }
            } catch {
                throw Self.transportError(error, request: request)
            }
        })
        return HTTPStreamingResponse(status: Int(response.status.code), headers: Self.headers(response.headers), body: body)
    }

    private func clientRequest(for request: VioCore.HTTPRequest) -> HTTPClientRequest {
        var clientRequest = HTTPClientRequest(url: request.url.absoluteString)
        clientRequest.method = .init(rawValue: request.method)
        for field in request.headers { clientRequest.headers.add(name: field.name, value: field.value) }
        if let body = request.body { clientRequest.body = .bytes(ByteBuffer(data: body)) }
        return clientRequest
    }

    private func deadline(for request: VioCore.HTTPRequest) -> NIODeadline {
        let timeout = request.timeout ?? defaultTimeout
        return .now() + .nanoseconds(Int64(timeout.timeInterval * 1e9))
    }

    private func mappingErrors<Result>(of request: VioCore.HTTPRequest, _ body: () async throws -> Result) async throws -> Result {
        do {
            return try await body()
        } catch {
            throw Self.transportError(error, request: request)
        }
    }

    static func headers(_ headers: NIOHTTP1.HTTPHeaders) -> VioCore.HTTPHeaders {
        VioCore.HTTPHeaders(headers.map { (name: $0.name, value: $0.value) })
    }

    static func transportError(_ error: any Error, request: VioCore.HTTPRequest) -> TransportError {
        let host = request.url.host ?? request.url.absoluteString
        if error is CancellationError { return .cancelled }
        if error is NIOTooManyBytesError { return .responseTooLarge(host: host, limit: request.maximumBodySize) }
        if let error = error as? HTTPClientError {
            switch error {
            case .deadlineExceeded, .connectTimeout, .readTimeout: return .timedOut(host: host, after: request.timeout)
            case .cancelled: return .cancelled
            default: break
            }
        }
        return .connectionFailed(host: host, reason: "\(error)")
    }
}

/// A response body's iterator, shared by the stream that pulls from it.
private actor BodyReader {
    private var iterator: HTTPClientResponse.Body.AsyncIterator

    init(_ iterator: HTTPClientResponse.Body.AsyncIterator) {
        self.iterator = iterator
    }

    /// The next chunk; called by one consumer at a time, as a stream's `unfolding` closure is.
    func next() async throws -> ByteBuffer? {
        var current = iterator
        defer { iterator = current }
        return try await current.next(isolation: self)
    }
}
