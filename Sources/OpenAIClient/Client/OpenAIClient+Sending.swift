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

    /// Decodes the body of a streamed response and yields its chunks; never retries. A provider
    /// that ignored `stream: true` and answered with JSON is read whole, as one chunk.
    func relay(_ response: HTTPStreamingResponse,
               to continuation: AsyncThrowingStream<ChatCompletionChunk, any Error>.Continuation) async throws {
        if response.headers["Content-Type"]?.lowercased().hasPrefix("application/json") == true {
            let limit = HTTPRequest.defaultMaximumBodySize
            let body = try await response.collect(upTo: limit + 1)
            guard body.count <= limit else { throw TransportError.responseTooLarge(host: configuration.baseURL.host ?? "", limit: limit) }
            continuation.yield(ChatCompletionChunk(whole: try decode(ChatCompletion.self, "chat completion", from: body)))
            return
        }
        var decoder = ChatStreamDecoder()
        for try await bytes in response.body {
            for chunk in try decoder.feed(bytes) { continuation.yield(chunk) }
            if decoder.isDone { return }
        }
        for chunk in try decoder.finish() { continuation.yield(chunk) }
    }

    /// Runs `attempt` under the configuration's retry policy until the response is a success.
    private func withRetries<Response: RetryableResponse>(
        _ request: HTTPRequest, attempt: (HTTPRequest) async throws -> Response
    ) async throws -> Response {
        let policy = configuration.retryPolicy
        do {
            return try await policy.run(environment: environment) {
                let response = try await attempt(request)
                if (200..<300).contains(response.status) { return response }
                throw try await rejection(of: response)
            } classify: { error in
                RetryVerdict.openAI(for: error)
            } onRetry: { error, retry, delay in
                let reason = openAIError((error as? RejectedResponse)?.error ?? error)
                logger?.warning("retrying \(request.method) \(request.url.path) in \(delay) (retry \(retry) of \(policy.maxRetries))",
                                metadata: ["error": reason.description])
            }
        } catch let rejected as RejectedResponse {
            throw rejected.error
        }
    }

    /// An error response as the error to throw, judged by the retry rules.
    private func rejection(of response: some RetryableResponse) async throws -> RejectedResponse {
        let body = try await response.errorBody()
        let now = environment.now()
        let error = OpenAIError.http(
            status: response.status, provider: ProviderError(body: body), excerpt: OpenAIError.excerpt(of: body, hiding: configuration.apiKey),
            retryAfter: response.headers.retryAfter(now: now))
        return RejectedResponse(error: error, verdict: .openAI(status: response.status, headers: response.headers, now: now))
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
