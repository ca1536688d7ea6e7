import Foundation
import Hummingbird
import Logging
import NIOFoundationCompat
import OpenAIClient
import VioCore

/// `POST /v1/chat`: `{"user": "alice", "message": "你好", "preset": "vio", "stream": false}` →
/// `{"reply": "…", "conversation": "http/private/alice"}`, remembered per `user` in the same store as
/// QQ and Telegram conversations (and `/post` with that user).
///
/// With `"stream": true` the answer comes as `text/event-stream`, each piece as the model sends it:
/// `data: {"delta": "…"}` events, then `event: done` with the reply and conversation as above, or
/// `event: error` with `{"error": "…"}` when the model fails midway (nothing is remembered then).
struct ChatEndpoint: Sendable {
    /// `nil` when no chat model is configured.
    let chat: RememberingChat?
    let presets: PromptLibrary
    let defaultPreset: PromptPreset
    let logger: Logger

    private struct Question: Decodable {
        var user: String?
        var message: String?
        var preset: String?
        var stream: Bool?
    }

    private struct Answer: Encodable {
        var reply: String
        var conversation: String
    }

    private struct Delta: Encodable {
        var delta: String
    }

    struct Failure: Encodable {
        var error: String
    }

    func respond(to request: Request, context: HTTPRouteContext) async throws -> Response {
        let body = try await request.body.collect(upTo: HTTPChat.maximumBodySize)
        guard let question = try? JSONDecoder().decode(Question.self, from: Data(buffer: body)) else {
            return .json(Failure(error: #"the body must be JSON: {"user": "...", "message": "...", "preset": "vio", "stream": false}"#), status: .badRequest)
        }
        guard let user = question.user, !user.isEmpty else {
            return .json(Failure(error: "user is missing: name the user whose conversation this is"), status: .badRequest)
        }
        guard let message = question.message?.trimmingCharacters(in: .whitespacesAndNewlines), !message.isEmpty else {
            return .json(Failure(error: "message is missing or empty"), status: .badRequest)
        }
        let preset: PromptPreset
        if let wanted = question.preset {
            guard let known = presets[wanted] else {
                return .json(Failure(error: "unknown preset \(wanted.debugDescription); known: \(presets.presets.map(\.id).joined(separator: ", "))"), status: .badRequest)
            }
            preset = known
        } else {
            preset = defaultPreset
        }
        guard let chat else {
            return .json(Failure(error: "the chat model is not configured: set OPENAI_API_KEY"), status: .serviceUnavailable)
        }
        let key = ConversationKey(platform: .http, chat: .private(ID(user)), user: ID(user))
        let persona = Conversation(preset: preset)
        guard question.stream == true else {
            do {
                let reply = try await chat.answer(UserTurn(text: message), in: key, as: persona).text
                return .json(Answer(reply: reply, conversation: key.rawValue))
            } catch {
                let failure = ModelFailure(error, at: "/v1/chat", loggingTo: logger)
                return .json(Failure(error: failure.message), status: failure.status, headers: failure.headers)
            }
        }
        return .eventStream { [logger] events in
            do {
                let reply = try await chat.streamAnswer(UserTurn(text: message), in: key, as: persona) { delta in
                    try await events.send(Delta(delta: delta))
                }.text
                try await events.send(Answer(reply: reply, conversation: key.rawValue), event: "done")
            } catch is CancellationError {
                logger.debug("/v1/chat: the stream was cancelled")
            } catch {
                try await events.send(Failure(error: ModelFailure(error, at: "/v1/chat", loggingTo: logger).message), event: "error")
            }
        }
    }
}
