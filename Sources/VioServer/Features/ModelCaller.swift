import Foundation
import OpenAIClient
import VioCore

/// One OpenAI-compatible model as the features use it: messages in, the answer's text out.
///
/// No retries and a one-minute timeout: a chat user would rather hear "try again" than wait minutes.
/// Failures become ``FeatureError``s, so the user gets a short reply and the log the detail.
struct ModelCaller: Sendable {
    let model: String
    private let client: OpenAIClient

    init(endpoint: ServerConfiguration.ModelEndpoint, transport: any HTTPTransport) {
        model = endpoint.model
        client = OpenAIClient(
            configuration: .init(baseURL: endpoint.baseURL, apiKey: endpoint.apiKey, timeout: .seconds(60), maxRetries: 0),
            transport: transport)
    }

    /// The model's answer to `messages`, trimmed.
    func answer(_ messages: [ChatMessage], temperature: Double?) async throws -> String {
        let completion: ChatCompletion
        do {
            completion = try await client.chat(ChatRequest(model: model, messages: messages, temperature: temperature))
        } catch OpenAIError.cancelled {
            throw CancellationError()
        } catch let error as OpenAIError {
            throw FeatureError.modelFailed(error)
        }
        let text = (completion.text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw FeatureError.emptyAnswer(model: model) }
        return text
    }
}
