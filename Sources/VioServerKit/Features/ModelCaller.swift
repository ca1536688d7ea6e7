import Foundation
import OpenAIClient
import VioCore

/// A model's answer and the tokens it cost: those the provider reported, else an estimate.
struct ModelAnswer: Sendable, Equatable {
    var text: String
    var tokens: Int
    /// The provider refused the tools it was offered, and answered without them.
    var toolsRefused = false

    /// What `messages` and `answer` cost by ``TokenEstimate``, for providers that report no usage.
    static func estimatedTokens(_ messages: [ChatMessage], answer: String) -> Int {
        messages.reduce(TokenEstimate.tokens(in: answer)) { $0 + TokenEstimate.tokens(in: $1.text ?? "") + TokenEstimate.perMessageOverhead }
    }
}

/// One OpenAI-compatible model as the features use it: messages in, the answer's text out, whole or
/// as it streams.
///
/// No retries and a one-minute timeout: a chat user would rather hear "try again" than wait minutes.
/// Failures become ``FeatureError``s, so the user gets a short reply and the log the detail.
struct ModelCaller: Sendable {
    private(set) var model: String
    private let client: OpenAIClient
    private let metrics: ServerMetrics?

    /// - Parameter metrics: where each request's latency, time to first token and failure are counted.
    init(endpoint: ServerConfiguration.ModelEndpoint, transport: any HTTPTransport, metrics: ServerMetrics? = nil) {
        model = endpoint.model
        self.metrics = metrics
        client = OpenAIClient(
            configuration: .init(baseURL: endpoint.baseURL, apiKey: endpoint.apiKey, timeout: .seconds(60), maxRetries: 0),
            transport: transport)
    }

    /// This caller, asking `model` instead (the model a chat chose with `/model`).
    func using(model: String) -> ModelCaller {
        var caller = self
        caller.model = model
        return caller
    }

    /// The model's answer to `messages`, handing each piece of text to `onDelta` as it arrives;
    /// returns the whole answer, trimmed. The model may first call `functions`, at most `maxRounds`
    /// rounds of them (see ``ToolLoop``), each request streamed.
    func streamAnswer(_ messages: [ChatMessage], temperature: Double?, functions: [ToolFunction] = [], maxRounds: Int = 0,
                      onDelta: (String) async throws -> Void) async throws -> ModelAnswer {
        let loop = ToolLoop(functions: functions, maxRounds: maxRounds) { request in metered(request, clientErrors: true) }
        return try await answer(messages, temperature: temperature, by: loop, onText: onDelta)
    }

    /// The model's answer to `messages`, trimmed; the model may first call `functions`, at most
    /// `maxRounds` rounds of them (see ``ToolLoop``).
    func answer(_ messages: [ChatMessage], temperature: Double?, functions: [ToolFunction] = [], maxRounds: Int = 0) async throws -> ModelAnswer {
        let loop = ToolLoop(functions: functions, maxRounds: maxRounds) { request in try await timed(request) }
        return try await answer(messages, temperature: temperature, by: loop) { _ in }
    }

    private func answer(_ messages: [ChatMessage], temperature: Double?, by loop: ToolLoop,
                        onText: (String) async throws -> Void) async throws -> ModelAnswer {
        let outcome: ToolLoop.Outcome
        do {
            outcome = try await loop.run(ChatRequest(model: model, messages: messages, temperature: temperature), onText: onText)
        } catch {
            throw Self.featureError(error)
        }
        let text = try trimmed(outcome.text)
        let tokens = outcome.usage?.totalTokens ?? ModelAnswer.estimatedTokens(messages + outcome.messages, answer: text)
        return ModelAnswer(text: text, tokens: tokens, toolsRefused: outcome.toolsRefused)
    }

    /// `request` sent to this model (whatever model it names), answered whole.
    func complete(_ request: ChatRequest) async throws -> ChatCompletion {
        do {
            return try await timed(request)
        } catch {
            throw Self.featureError(error)
        }
    }

    /// `request` sent to this model, its time and failure counted; the client's errors as they are.
    private func timed(_ request: ChatRequest) async throws -> ChatCompletion {
        var request = request
        request.model = model
        let started = ContinuousClock.now
        do {
            let completion = try await client.chat(request)
            metrics?.modelRequest(model, took: .now - started, failure: nil)
            return completion
        } catch {
            metrics?.modelRequest(model, took: .now - started, failure: Task.isCancelled ? nil : error)
            ModelFailureNotes.current?.record(error)
            throw error
        }
    }

    /// `request` sent to this model (whatever model it names), answered chunk by chunk.
    func stream(_ request: ChatRequest) -> AsyncThrowingStream<ChatCompletionChunk, any Error> {
        metered(request, clientErrors: false)
    }

    /// `request` streamed from this model, its time to first token, time and failure counted; the
    /// client's errors as they are (for the tool loop) or as ``FeatureError``s.
    private func metered(_ request: ChatRequest, clientErrors: Bool) -> AsyncThrowingStream<ChatCompletionChunk, any Error> {
        var request = request
        request.model = model
        let chunks = client.chatStream(request)
        return AsyncThrowingStream { [model, metrics] continuation in
            let relay = Task {
                let started = ContinuousClock.now
                var sawText = false
                do {
                    for try await chunk in chunks {
                        if !sawText, chunk.text?.isEmpty == false {
                            sawText = true
                            metrics?.modelFirstToken(model, after: .now - started)
                        }
                        continuation.yield(chunk)
                    }
                    metrics?.modelRequest(model, took: .now - started, failure: nil)
                    continuation.finish()
                } catch {
                    metrics?.modelRequest(model, took: .now - started, failure: Task.isCancelled ? nil : error)
                    ModelFailureNotes.current?.record(error)
                    continuation.finish(throwing: clientErrors ? error : Self.featureError(error))
                }
            }
            continuation.onTermination = { _ in relay.cancel() }
        }
    }

    private func trimmed(_ text: String) throws -> String {
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw FeatureError.emptyAnswer(model: model) }
        return text
    }

    /// Cancellation stays cancellation; every other client error is a ``FeatureError``.
    private static func featureError(_ error: any Error) -> any Error {
        switch error {
        case OpenAIError.cancelled: CancellationError()
        case let error as OpenAIError: FeatureError.modelFailed(error)
        default: error
        }
    }
}
