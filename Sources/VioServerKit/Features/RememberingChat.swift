import Foundation
import OpenAIClient
import VioCore
import VioStorage

/// A chat with the model that remembers: each answer is given with the conversation's history
/// (within the persona's limit) and the turn is stored after it. The chat feature (`/chat` and
/// every unmatched message) and the HTTP chat endpoint (`POST /v1/chat`) both talk through it, so a
/// conversation is the same whichever way it continues. While the database is unreachable it still
/// answers, without the history.
///
/// ```swift
/// let chat = RememberingChat(conversations: storage.conversations, model: model, now: { Date() })
/// let reply = try await chat.answer(UserTurn(text: "你好"), in: key, as: Conversation(preset: .vio)).text
/// ```
struct RememberingChat: Sendable {
    let conversations: any ConversationStore
    var model: ModelCaller
    let now: @Sendable () -> Date

    /// The model's answer to `turn` in the conversation `key`, which then holds both turns (the
    /// user's as its remembered text; the calls of `functions` the model made on the way are not
    /// kept, only its answer).
    func answer(_ turn: UserTurn, in key: ConversationKey, as persona: Conversation,
                functions: [ToolFunction] = [], maxRounds: Int = 0) async throws -> ModelAnswer {
        try await remember(turn, in: key, as: persona) { messages in
            try await model.answer(messages, temperature: persona.temperature, functions: functions, maxRounds: maxRounds)
        }
    }

    /// ``answer(_:in:as:functions:maxRounds:)``, streamed: the answer is handed to `onDelta` piece by
    /// piece as it arrives; a stream that breaks stores nothing.
    func streamAnswer(_ turn: UserTurn, in key: ConversationKey, as persona: Conversation,
                      functions: [ToolFunction] = [], maxRounds: Int = 0,
                      onDelta: (String) async throws -> Void) async throws -> ModelAnswer {
        try await remember(turn, in: key, as: persona) { messages in
            try await model.streamAnswer(messages, temperature: persona.temperature, functions: functions, maxRounds: maxRounds, onDelta: onDelta)
        }
    }

    private func remember(_ turn: UserTurn, in key: ConversationKey, as persona: Conversation,
                          answering: ([ChatMessage]) async throws -> ModelAnswer) async throws -> ModelAnswer {
        let history: [ConversationTurn]
        do {
            history = try await conversations.history(of: key, limit: persona.limit)
        } catch is StorageUnavailable {
            // The database is away: answer without the history; the turn is kept and written when it is back.
            history = []
        }
        let answer = try await answering(persona.messages(history: history, newMessage: turn.content))
        let time = now()
        try await conversations.append([
            ConversationTurn(role: .user, content: turn.remembered, date: time),
            ConversationTurn(role: .assistant, content: answer.text, date: time),
        ], to: key)
        return answer
    }
}
