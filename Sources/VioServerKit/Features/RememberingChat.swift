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
/// With ``notes`` (`VIO_MEMORY_SUMMARY`, on by default), turns that no longer fit are not simply
/// dropped: once `VIO_SUMMARY_EVERY` of them have fallen out since the last note, the model folds
/// them into the conversation's note (one more request), which goes with every later request as a
/// second system message.
///
/// ```swift
/// let chat = RememberingChat(conversations: storage.conversations, model: model, now: { Date() })
/// let reply = try await chat.answer(UserTurn(text: "你好"), in: key, as: Conversation(preset: .vio)).text
/// ```
struct RememberingChat: Sendable {
    let conversations: any ConversationStore
    var model: ModelCaller
    let now: @Sendable () -> Date
    /// The conversations' notes; `nil` keeps only the newest turns that fit.
    var notes: ConversationNotes?

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
            history = try await conversations.history(of: key, limit: notes.map { persona.limit.widened(by: $0.every) } ?? persona.limit)
        } catch is StorageUnavailable {
            // The database is away: answer without the history; the turn is kept and written when it is back.
            history = []
        }
        var persona = persona
        let noteTokens = await noted(history, of: key, for: turn, in: &persona)
        var answer = try await answering(persona.messages(history: history, newMessage: turn.content))
        answer.tokens += noteTokens
        let time = now()
        try await conversations.append([
            ConversationTurn(role: .user, content: turn.remembered, date: time),
            ConversationTurn(role: .assistant, content: answer.text, date: time),
        ], to: key)
        return answer
    }

    /// Puts the conversation's note in `persona`, first writing it again when enough turns have
    /// fallen out since; returns the tokens that cost. A note that can't be written now is logged
    /// and the older one goes on.
    private func noted(_ history: [ConversationTurn], of key: ConversationKey, for turn: UserTurn, in persona: inout Conversation) async -> Int {
        guard let notes else { return 0 }
        let note = await notes.note(of: key)
        persona.summary = note.map { FeatureTexts.Memory.systemMessage($0.text) }
        guard let due = notes.due(persona.fitting(history, newMessage: turn.content).dropped, after: note), let last = due.last else { return 0 }
        do {
            let written = try await model.answer(ConversationNotes.request(folding: due, into: note?.text), temperature: 0.3)
            let fresh = ConversationNote(text: written.text, coveredUntil: last.date)
            try await notes.save(fresh, for: key)
            persona.summary = FeatureTexts.Memory.systemMessage(fresh.text)
            return written.tokens
        } catch is CancellationError {
            return 0
        } catch {
            notes.logger.warning("the conversation's note could not be written; the older one goes on", metadata: ["error": "\(error)"])
            return 0
        }
    }
}

extension HistoryLimit {
    /// This limit with room for twice `every` more turns and no token budget: wide enough to see
    /// the turns that fell out of it since the last note.
    func widened(by every: Int) -> HistoryLimit {
        HistoryLimit(maxTurns: maxTurns + 2 * every)
    }
}
