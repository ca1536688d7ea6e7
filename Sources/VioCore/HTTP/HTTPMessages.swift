import Foundation

/// An HTTP request as the SDK modules build it; a transport sends it.
public struct HTTPRequest: Hashable, Sendable {
    public var method: String
    public var url: URL
    public var headers: HTTPHeaders
    public var body: Data?
    /// How long the whole exchange may take; `nil` leaves it to the transport.
    public var timeout: Duration?
    /// The largest response body ``HTTPTransport/send(_:)`` reads; a longer one is
    /// ``TransportError/responseTooLarge(host:limit:)``, read no further than the limit. A streamed
    /// body has no total limit: its reader bounds what it keeps.
    public var maximumBodySize: Int

    /// What ``maximumBodySize`` is unless a request says otherwise: 32 MiB.
    public static let defaultMaximumBodySize = 32 << 20

    public init(
        method: String = "GET", url: URL, headers: HTTPHeaders = [:], body: Data? = nil, timeout: Duration? = nil,
        maximumBodySize: Int = HTTPRequest.defaultMaximumBodySize
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
        self.maximumBodySize = maximumBodySize
    }
}

/// A complete HTTP response.
public struct HTTPResponse: Hashable, Sendable {
    public var status: Int
    public var headers: HTTPHeaders
    public var body: Data

    public init(status: Int, headers: HTTPHeaders = [:], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    public var isSuccess: Bool { (200..<300).contains(status) }
}

/// An HTTP response whose body arrives in chunks as the server sends them (server-sent events).
public struct HTTPStreamingResponse: Sendable {
    public var status: Int
    public var headers: HTTPHeaders
    /// The body, chunk by chunk; it ends when the server closes the response and throws on a broken one.
    public var body: AsyncThrowingStream<Data, any Error>

    public init(status: Int, headers: HTTPHeaders = [:], body: AsyncThrowingStream<Data, any Error>) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The whole body, collected; for error responses, which are short.
    public func collect(upTo limit: Int = 1 << 20) async throws -> Data {
        var data = Data()
        for try await chunk in body {
            data.append(chunk.prefix(limit - data.count))
            if data.count >= limit { break }
        }
        return data
    }
}
