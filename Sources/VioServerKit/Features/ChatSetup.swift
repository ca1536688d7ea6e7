import Foundation
import VioCore

/// What one chat chose for the chat model with `/persona` and `/model`; nothing chosen means the
/// server's `VIO_PERSONA` and the first of `VIO_MODELS`.
///
/// Each persona switch starts a new era: the chat's conversations continue under new keys, so
/// nobody's history written for the old persona goes to the new one.
///
/// ```swift
/// var setup = try await setups.setup(of: context)
/// setup.switchPersona(to: "猫娘")
/// try await setups.save(setup, for: context)
/// setup.conversation(of: context.message)   // onebot/group/5000/user/10001/era/1
/// ```
struct ChatSetup: Hashable, Sendable, Codable {
    /// The preset id chosen with `/persona`.
    var persona: String?
    /// The model chosen with `/model`.
    var model: String?
    /// How many times the chat switched persona.
    var era = 0

    mutating func switchPersona(to id: String?) {
        persona = id
        era += 1
    }

    /// The conversation `message` continues in this chat.
    func conversation(of message: InboundMessage) -> ConversationKey {
        let key = ConversationKey(message)
        return era == 0 ? key : ConversationKey(rawValue: "\(key.rawValue)/era/\(era)")
    }
}

/// Where each chat's ``ChatSetup`` is kept: one record per chat in the records store, so it survives
/// restarts and holds for every instance on a shared database.
struct ChatSetups: Sendable {
    static let namespace = "chat-setup"
    let records: any KeyValueStore

    /// The chat's setup; the defaults, with a warning in the log, while the store can't be read, so
    /// the chat still answers.
    func setup(of context: BotContext) async -> ChatSetup {
        do {
            return try await records.get(ChatSetup.self, for: context.chatRecordKey, in: Self.namespace) ?? ChatSetup()
        } catch {
            context.logger.warning("could not read the chat's persona and model; using the defaults", metadata: ["error": "\(error)"])
            return ChatSetup()
        }
    }

    func save(_ setup: ChatSetup, for context: BotContext) async throws {
        try await records.set(setup, for: context.chatRecordKey, in: Self.namespace)
    }
}
