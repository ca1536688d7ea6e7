import OpenAIClient
import VioCore

/// `锐评一下 [text]` / `/roast`: a sharp review of the text, or of the message it replies to.
///
/// Uses the sharp-reviewer persona (not the chat persona) and no memory; DeepSeek when
/// `DeepSeekAPIKey` is set, else the chat model.
struct RoastFeature: Feature {
    let id = "roast"
    var name: String { FeatureTexts.Feature.roast.name }
    var summary: String { FeatureTexts.Feature.roast.summary }
    let environment: FeatureEnvironment
    /// Shared with the chat feature: a review counts against the same limits as a chat.
    let allowance: ChatAllowance

    func install(on bot: inout Bot) {
        let endpoint = environment.configuration.roast ?? environment.configuration.chat
        let model = endpoint.map { ModelCaller(endpoint: $0, transport: environment.transport, metrics: environment.metrics) }
        let reviewer = Conversation(preset: PromptLibrary.builtIn["roast"] ?? .roast)
        bot.command("锐评一下", aliases: ["/roast"], summary: FeatureTexts.Summary.roast, usage: FeatureTexts.Usage.roast) { context, arguments in
            guard let model else { return try await context.say(FeatureTexts.Roast.notConfigured) }
            guard let text = try await subject(arguments.text, in: context) else { return }
            try await allowance.say(in: context) {
                try await model.answer(reviewer.messages(history: [], newMessage: text), temperature: reviewer.temperature)
            }
        }
    }

    /// The text to review: the arguments, else the quoted message's text; `nil` after telling the user why not.
    private func subject(_ arguments: String, in context: BotContext) async throws -> String? {
        if !arguments.isEmpty { return arguments }
        let quoted: InboundMessage?
        do {
            quoted = try await context.quotedMessage()
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            context.logger.warning("could not fetch the message to roast", metadata: ["message": "\(context.message.replyTo?.description ?? "")", "error": "\(error)"])
            try await context.say(FeatureTexts.Roast.quotedMessageMissing)
            return nil
        }
        guard let message = quoted else {
            try await context.say(FeatureTexts.Roast.usage)
            return nil
        }
        guard !message.text.isEmpty else {
            try await context.say(FeatureTexts.Roast.quotedMessageEmpty)
            return nil
        }
        return message.text
    }
}
