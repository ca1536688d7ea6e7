import Foundation
import OpenAIClient
import VioCore

/// `/chat <text>` and every addressed message that matches no command: the chat model, with memory.
///
/// Each conversation (a user in private, a user within a group) keeps its history in the
/// conversation store; the newest turns that fit 20 turns and a token budget go with each request,
/// after the persona's system prompt. `/reset` / `重置对话` forgets the conversation.
struct ChatFeature: Feature {
    let id = "chat"
    var name: String { FeatureTexts.Feature.chat.name }
    var summary: String { FeatureTexts.Feature.chat.summary }
    let environment: FeatureEnvironment
    let logger: any BotLogger

    func install(on bot: inout Bot) {
        let chat = ChatSession(environment: environment, persona: persona())
        bot.command("/chat", summary: FeatureTexts.Summary.chat, usage: FeatureTexts.Usage.chat) { context, arguments in
            try await chat.answer(arguments.text, in: context)
        }
        bot.command("/reset", aliases: ["重置对话"], summary: FeatureTexts.Summary.reset) { context, _ in
            try await chat.forget(context)
        }
        bot.fallback { context in
            try await chat.answer(context.message.text, in: context)
        }
    }

    /// The configured persona; an unknown id is logged once, here, as the chat's own setting.
    private func persona() -> PromptPreset {
        let configuration = environment.configuration
        if PromptLibrary.builtIn[configuration.persona] == nil {
            logger.warning("unknown persona; using the built-in vio persona", metadata: [
                "VIO_PERSONA": configuration.persona, "known": PromptLibrary.builtIn.presets.map(\.id).joined(separator: ","),
            ])
        }
        return configuration.chatPersona
    }
}

extension ServerConfiguration {
    /// The preset `VIO_PERSONA` names, or Vio's own when it names none: the chat feature's persona,
    /// and the HTTP chat endpoint's when a request names no preset.
    var chatPersona: PromptPreset {
        PromptLibrary.builtIn[persona] ?? .vio
    }
}

/// The chat feature's work, shared by its command and the fallback.
private struct ChatSession: Sendable {
    let conversations: any ConversationStore
    let persona: Conversation
    let chat: RememberingChat?

    init(environment: FeatureEnvironment, persona: PromptPreset) {
        conversations = environment.conversations
        self.persona = Conversation(preset: persona)
        chat = environment.configuration.chat.map {
            RememberingChat(
                conversations: environment.conversations, model: ModelCaller(endpoint: $0, transport: environment.transport, metrics: environment.metrics),
                now: environment.now)
        }
    }

    func answer(_ text: String, in context: BotContext) async throws {
        guard let chat else { return try await context.say(FeatureTexts.Chat.notConfigured) }
        guard !text.isEmpty else { return try await context.say(FeatureTexts.Chat.empty) }
        try await context.say(try await chat.answer(text, in: ConversationKey(context.message), as: persona))
    }

    func forget(_ context: BotContext) async throws {
        try await conversations.reset(ConversationKey(context.message))
        try await context.say(FeatureTexts.Chat.reset)
    }
}
