import Foundation
import VioCore

/// A client for OpenAI-compatible chat completion endpoints: OpenAI, DeepSeek, Qwen (DashScope
/// compatible mode), Moonshot, one-api/new-api proxies, Ollama, vLLM, LM Studio.
///
/// It sends through the ``HTTPTransport`` you give it (`VioURLSession`'s `URLSessionTransport`,
/// `VioAsyncHTTPClient`'s `AsyncHTTPClientTransport`), retries as its configuration's `retryPolicy`
/// says (`RetryPolicy.openAI` by default) and throws ``OpenAIError`` only.
///
/// ```swift
/// let client = OpenAIClient(configuration: .init(apiKey: Redacted(key)), transport: URLSessionTransport())
/// let request = ChatRequest(model: "gpt-4o-mini", messages: [.system("Be brief."), .user("Why is the sky blue?")])
///
/// let answer = try await client.chat(request)
/// print(answer.text ?? "")
///
/// for try await chunk in client.chatStream(request) {
///     print(chunk.text ?? "", terminator: "")
/// }
/// ```
public struct OpenAIClient: Sendable {
    public let configuration: Configuration
    let transport: any HTTPTransport
    let environment: RetryEnvironment
    let logger: (any BotLogger)?

    /// - Parameters:
    ///   - transport: what sends the requests: URLSession in apps, AsyncHTTPClient in servers, a
    ///     scripted one in tests.
    ///   - environment: sleeping, time and jitter for retries; tests pass a fake.
    ///   - logger: where retries are logged; never receives the key.
    public init(configuration: Configuration, transport: any HTTPTransport,
                environment: RetryEnvironment = .live, logger: (any BotLogger)? = nil) {
        self.configuration = configuration
        self.transport = transport
        self.environment = environment
        self.logger = logger
    }

    /// Sends a chat request and returns the whole answer.
    public func chat(_ request: ChatRequest) async throws -> ChatCompletion {
        var request = request
        request.stream = nil
        request.streamOptions = nil
        let response = try await send(try post("chat/completions", request, accept: "application/json"))
        return try decode(ChatCompletion.self, "chat completion", from: response.body)
    }

    /// Sends a chat request and streams the answer chunk by chunk.
    ///
    /// Retries happen before the first chunk only. Stopping the iteration cancels the request.
    /// Errors are ``OpenAIError``s.
    public func chatStream(_ request: ChatRequest) -> AsyncThrowingStream<ChatCompletionChunk, any Error> {
        let (stream, continuation) = AsyncThrowingStream.makeStream(of: ChatCompletionChunk.self)
        let task = Task {
            do {
                var request = request
                request.stream = true
                let response = try await openStream(try post("chat/completions", request, accept: "text/event-stream"))
                try await relay(response, to: continuation)
                continuation.finish()
            } catch {
                continuation.finish(throwing: openAIError(error))
            }
        }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }

    /// Streams a chat answer, hands each chunk to `onChunk` as it arrives, and returns the whole
    /// answer added up (see ``ChatStreamAccumulator``).
    ///
    /// ```swift
    /// let completion = try await client.streamedChat(request) { chunk in
    ///     print(chunk.text ?? "", terminator: "")
    /// }
    /// ```
    public func streamedChat(_ request: ChatRequest,
                             onChunk: (ChatCompletionChunk) throws -> Void = { _ in }) async throws -> ChatCompletion {
        var accumulator = ChatStreamAccumulator()
        for try await chunk in chatStream(request) {
            accumulator.add(chunk)
            try onChunk(chunk)
        }
        return accumulator.completion
    }

    /// The models the endpoint offers.
    public func models() async throws -> [Model] {
        let request = HTTPRequest(
            method: "GET", url: configuration.url(appending: "models"),
            headers: configuration.headers(accept: "application/json"), timeout: configuration.timeout)
        let response = try await send(request)
        return try decode(ModelList.self, "model list", from: response.body).data
    }
}
