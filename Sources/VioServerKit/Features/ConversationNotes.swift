import Foundation
import OpenAIClient
import VioCore

/// The note of a conversation's turns that no longer fit its limit (`VIO_MEMORY_SUMMARY`), and up
/// to which turn it reaches.
struct ConversationNote: Codable, Equatable, Sendable {
    var text: String
    /// The date of the newest turn the note covers; newer turns that fall out are not in it yet.
    var coveredUntil: Date
}

/// Where the notes are kept: one record per conversation in the records store, beside its turns'
/// store, so `/reset` forgets both and, with PostgreSQL, every instance reads the same note.
///
/// ```swift
/// let notes = ConversationNotes(records: storage.records, every: 10, logger: logger)
/// let note = await notes.note(of: key)?.text
/// ```
struct ConversationNotes: Sendable {
    static let namespace = "chat-notes"
    let records: any KeyValueStore
    /// Fallen-out turns the note must lag behind by before it is written again (`VIO_SUMMARY_EVERY`).
    let every: Int
    let logger: any BotLogger

    /// The conversation's note; `nil` when there is none or it can't be read now (the log says why).
    func note(of key: ConversationKey) async -> ConversationNote? {
        do {
            return try await records.get(ConversationNote.self, for: key.rawValue, in: Self.namespace)
        } catch {
            logger.warning("the conversation's note could not be read; answering without it", metadata: ["error": "\(error)"])
            return nil
        }
    }

    func save(_ note: ConversationNote, for key: ConversationKey) async throws {
        try await records.set(note, for: key.rawValue, in: Self.namespace)
    }

    func forget(_ key: ConversationKey) async throws {
        try await records.removeValue(for: key.rawValue, in: Self.namespace)
    }

    /// The turns of `dropped` the note `note` does not cover yet, when they are enough to write it again.
    func due(_ dropped: [ConversationTurn], after note: ConversationNote?) -> [ConversationTurn]? {
        let uncovered = dropped.filter { turn in note.map { turn.date > $0.coveredUntil } ?? true }
        return uncovered.count >= every ? uncovered : nil
    }

    /// What the model is asked to write the note from: the earlier note, then the turns.
    static func request(folding turns: [ConversationTurn], into note: String?) -> [ChatMessage] {
        let lines = turns.map { turn in
            (turn.role == .user ? "用户：" : turn.role == .assistant ? "助手：" : "系统：") + turn.content
        }
        let earlier = note.map { "之前的笔记：\($0)\n\n" } ?? ""
        return [
            .system(FeatureTexts.Memory.summaryInstruction),
            .user(.text(earlier + "对话：\n" + lines.joined(separator: "\n"))),
        ]
    }
}
