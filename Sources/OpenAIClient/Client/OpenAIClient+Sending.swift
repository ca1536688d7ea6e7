import Foundation
import VioCore

extension OpenAIClient {
    /// A JSON POST to `path` below the base URL.
    func post(_ path: String, _ body: some Encodable, accept: String) throws -> HTTPRequest {
        let data: Data
        do {
            data = try JSONEncoder().encode(body)
        } catch {
            throw OpenAIError.invalidRequest(reason: "\(error)")
        }
        return HTTPRequest(
            method: "POST", url: configuration.url(appending: path), headers: configuration.headers(accept: accept),
            body: data, timeout: configuration.timeout)
    }

    /// Sends a request, retrying per the policy; returns a successful response.
    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        do {
            return try await withRetries(request) { try await transport.send($0) }
        } catch {
            throw openAIError(error)
        }
    }

    /// Opens a streamed response, retrying per the policy until its head says success.
    func openStream(_ request: HTTPRequest) async throws -> HTTPStreamingResponse {
        try await withRetries(request) { try await transport.stream($0) }
    }

    /// Decodes the body of a streamed response and yields its chunks; never retries.
    func relay(_ response: HTTPStreamingResponse,
               to continuation: AsyncThrowingStream<ChatCompletionChunk, any Error>.Continuation) async throws {
        var decoder = ChatStreamDecoder()
        for try await bytes in response.body {
            for chunk in try decoder.feed(bytes) { continuation.yield(chunk) }
            if decoder.isDone { return }
        }
        for chunk in try decoder.finish() { continuation.yield(chunk) }
    }

    private func withRetries<Response: RetryableResponse>(
        _ request: HTTPRequest, attempt: (HTTPRequest) async throws -> Response
    ) async throws -> Response {
        var retries = 0
        while true {
            let failure: RetryPolicy.Failure
            let error: OpenAIError
            do {
                let response = try await attempt(request)
                if (200..<300).contains(response.status) { return response }
                let body = try await response.errorBody()
                failure = .status(response.status, response.headers)
                error = .http(
                    status: response.status, provider: ProviderError(body: body), excerpt: OpenAIError.excerpt(of: body, hiding: configuration.apiKey),
                    retryAfter: RetryPolicy.retryAfter(in: response.headers, now: environment.now()))
            } catch let transportError as TransportError {
                error = OpenAIError(transportError)
                switch transportError {
                case .connectionFailed: failure = .connection
                case .timedOut: failure = .timeout
                case .responseTooLarge: throw error
                case .cancelled: throw OpenAIError.cancelled
                }
            }
            let policy = configuration.retryPolicy
            switch policy.decision(after: failure, retriesSoFar: retries, now: environment.now(), jitter: environment.jitter()) {
            case .giveUp:
                throw error
            case .retry(let delay):
                retries += 1
                logger?.warning("retrying \(request.method) \(request.url.path) in \(delay) (retry \(retries) of \(policy.maxRetries))",
                                metadata: ["error": error.redacting(configuration.apiKey).description])
                do {
                    try await environment.sleep(delay)
                } catch {
                    throw OpenAIError.cancelled
                }
            }
        }
    }

    func decode<Value: Decodable>(_ type: Value.Type, _ what: String, from body: Data) throws -> Value {
        do {
            return try JSONDecoder().decode(type, from: body)
        } catch {
            throw OpenAIError.decodingFailed(what, error: error, body: body, hiding: configuration.apiKey)
        }
    }

    /// Any error as an ``OpenAIError`` without the key in it.
    func openAIError(_ error: any Error) -> OpenAIError {
        let converted: OpenAIError = switch error {
        case let error as OpenAIError: error
        case let error as TransportError: OpenAIError(error)
        case is CancellationError: .cancelled
        default: .connectionFailed(host: configuration.baseURL.host ?? "", reason: "\(error)")
        }
        return converted.redacting(configuration.apiKey)
    }
}

/// A response whose status decides success, and whose body explains a failure.
protocol RetryableResponse: Sendable {
    var status: Int { get }
    var headers: HTTPHeaders { get }
    /// The body of an error response (short, so collected whole).
    func errorBody() async throws -> Data
}

extension HTTPResponse: RetryableResponse {
    func errorBody() async throws -> Data { body }
}

extension HTTPStreamingResponse: RetryableResponse {
    func errorBody() async throws -> Data { try await collect(upTo: 64 * 1024) }
}
