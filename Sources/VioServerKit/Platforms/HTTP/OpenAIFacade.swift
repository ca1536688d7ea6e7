import Foundation
import Hummingbird
import Logging
import NIOFoundationCompat
import OpenAIClient
import VioCore

/// An OpenAI-compatible face on Vio: `POST /v1/chat/completions` and `GET /v1/models`, where each
/// prompt preset is a model (`vio`, `roast`, …), so any OpenAI client or chat UI talks to Vio's
/// personas. The request goes to the configured chat model with the preset's system prompt first;
/// the answer comes back as the preset's model, whole or streamed (`"stream": true`).
///
/// It remembers nothing: as with OpenAI, the client sends the whole conversation each time.
///
/// ```sh
/// curl localhost:8080/v1/chat/completions -H 'Content-Type: application/json' \
///   -d '{"model": "roast", "messages": [{"role": "user", "content": "锐评一下 Swift"}]}'
/// ```
struct OpenAIFacade: Sendable {
    /// `nil` when no chat model is configured.
    let model: ModelCaller?
    let presets: PromptLibrary
    let logger: Logger

    /// The members this facade reads itself; every other member goes to the model as it came.
    private struct Head: Decodable {
        var model: String
        var messages: [ChatMessage]
        var stream: Bool?
    }

    /// An error as OpenAI's API describes one.
    struct Failure: Encodable {
        struct Detail: Encodable {
            var message: String
            var type: String
            var code: String?
        }

        var error: Detail

        init(_ message: String, type: String = "invalid_request_error", code: String? = nil) {
            error = Detail(message: message, type: type, code: code)
        }
    }

    private struct ModelList: Encodable {
        struct Entry: Encodable {
            var id: String
            var object = "model"
            var created: Int64 = 0
            var ownedBy = "vio"

            enum CodingKeys: String, CodingKey {
                case id, object, created
                case ownedBy = "owned_by"
            }
        }

        var object = "list"
        var data: [Entry]
    }

    func models() -> Response {
        .json(ModelList(data: presets.presets.map { ModelList.Entry(id: $0.id) }))
    }

    func completions(to request: Request, context: HTTPRouteContext) async throws -> Response {
        let body = Data(buffer: try await request.body.collect(upTo: HTTPChat.maximumBodySize))
        let head: Head
        var members: [String: JSONValue]
        do {
            head = try JSONDecoder().decode(Head.self, from: body)
            members = try JSONDecoder().decode([String: JSONValue].self, from: body)
        } catch {
            return .json(Failure("the body must be a chat completion request with model and messages: \(error)"), status: .badRequest)
        }
        guard let preset = presets[head.model] else {
            return .json(Failure("The model \(head.model.debugDescription) does not exist; the models are Vio's presets: \(presets.presets.map(\.id).joined(separator: ", "))",
                                 code: "model_not_found"), status: .notFound)
        }
        guard let model else {
            return .json(Failure("the chat model is not configured: set OPENAI_API_KEY", type: "server_error"), status: .serviceUnavailable)
        }
        for member in ["model", "messages", "stream"] { members[member] = nil }
        if head.stream != true { members["stream_options"] = nil }
        let upstream = ChatRequest(
            model: preset.id, messages: [.system(preset.systemPrompt)] + head.messages, temperature: preset.temperature, extra: members)

        guard head.stream == true else {
            do {
                var completion = try await model.complete(upstream)
                completion.model = preset.id
                return .json(completion)
            } catch {
                let failure = ModelFailure(error, at: "/v1/chat/completions", loggingTo: logger)
                return .json(Failure(failure.message, type: "upstream_error"), status: failure.status, headers: failure.headers)
            }
        }
        return .eventStream { [logger] events in
            do {
                for try await chunk in model.stream(upstream) {
                    var chunk = chunk
                    chunk.model = preset.id
                    try await events.send(chunk)
                }
                try await events.send(data: "[DONE]")
            } catch is CancellationError {
                logger.debug("/v1/chat/completions: the stream was cancelled")
            } catch {
                try await events.send(Failure(ModelFailure(error, at: "/v1/chat/completions", loggingTo: logger).message, type: "upstream_error"))
            }
        }
    }
}
