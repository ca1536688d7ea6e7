import Foundation
import OpenAIClient
import VioCore

/// `/chat <text>` and every addressed message that matches no command: the chat model, with memory.
///
/// Each conversation (a user in private, a user within a group) keeps its history in the
/// conversation store; the newest turns that fit 20 turns and a token budget go with each request,
/// after the persona's system prompt. `/reset` / `重置对话` forgets the conversation.
///
/// `/persona` / `人格` lists the presets (the built-ins and `VIO_PROMPTS_FILE`'s) and sets this chat's,
/// which starts fresh conversations; `/model` / `模型` lists `VIO_MODELS` and sets this chat's. In
/// groups only admins, the owner and superusers may set them; anyone may list. Both are kept per
/// chat as a ``ChatSetup``. Every model call goes through the ``ChatAllowance`` (`VIO_CHAT_RATE`,
/// `VIO_CHAT_DAILY_TOKENS`).
///
/// The model may act through `tools` (`VIO_TOOLS`, on by default): those of the features that are
/// on in the chat, and `current_time`; at most `VIO_TOOL_ROUNDS` rounds of calls a turn. A model
/// whose provider refuses tools is asked without them until restart.
///
/// With `VIO_VISION=on` the pictures of the message and of the one it quotes go to the model too
/// (``ChatVision``); memory keeps `[图片]` in their place. With it off, a message of pictures alone
/// is told they are not read.
struct ChatFeature: Feature {
    let id = "chat"
    var name: String { FeatureTexts.Feature.chat.name }
    var summary: String { FeatureTexts.Feature.chat.summary }
    let environment: FeatureEnvironment
    let allowance: ChatAllowance
    /// What other features offer the model; the chat adds its own clock.
    var tools: [ChatTool] = []
    let logger: any BotLogger

    func install(on bot: inout Bot) {
        let offered = environment.configuration.chatTools ? [clock] + tools : []
        let chat = ChatSession(environment: environment, allowance: allowance, persona: persona(), tools: offered, logger: logger)
        bot.command("/chat", summary: FeatureTexts.Summary.chat, usage: FeatureTexts.Usage.chat) { context, arguments in
            try await chat.answer(arguments.text, in: context)
        }
        bot.command("/reset", aliases: ["重置对话"], summary: FeatureTexts.Summary.reset) { context, _ in
            try await chat.forget(context)
        }
        bot.command("/memory", aliases: ["记忆"], summary: FeatureTexts.Summary.memory) { context, _ in
            try await context.say(try await chat.memory(context))
        }
        bot.command("/persona", aliases: ["人格"], summary: FeatureTexts.Summary.persona, usage: FeatureTexts.Usage.persona) { context, arguments in
            try await context.say(try await chat.choosePersona(arguments.text, in: context))
        }
        bot.command("/model", aliases: ["模型"], summary: FeatureTexts.Summary.model, usage: FeatureTexts.Usage.model) { context, arguments in
            try await context.say(try await chat.chooseModel(arguments.text, in: context))
        }
        bot.fallback { context in
            try await chat.answer(context.message.text, in: context)
        }
    }

    /// `current_time`: the date and time in China, which models do not know.
    private var clock: ChatTool {
        let now = environment.now
        return ChatTool(featureID: id, name: "current_time", description: FeatureTexts.Tool.currentTime) { _, _ in
            FeatureTexts.Tool.now(now())
        }
    }

    /// The configured persona; an unknown id is logged once, here, as the chat's own setting.
    private func persona() -> PromptPreset {
        let configuration = environment.configuration
        if configuration.prompts[configuration.persona] == nil {
            logger.warning("unknown persona; using the built-in vio persona", metadata: [
                "VIO_PERSONA": configuration.persona, "known": configuration.prompts.presets.map(\.id).joined(separator: ","),
            ])
        }
        return configuration.chatPersona
    }
}

extension ServerConfiguration {
    /// The preset `VIO_PERSONA` names, or Vio's own when it names none: the chat feature's persona,
    /// and the HTTP chat endpoint's when a request names no preset.
    var chatPersona: PromptPreset {
        prompts[persona] ?? .vio
    }
}

/// The chat feature's work, shared by its commands and the fallback.
private struct ChatSession: Sendable {
    let conversations: any ConversationStore
    let setups: ChatSetups
    let prompts: PromptLibrary
    let defaultPersona: PromptPreset
    let models: [String]
    let allowance: ChatAllowance
    let chat: RememberingChat?
    let tools: [ChatTool]
    let toolRounds: Int
    let toolless = ToollessModels()
    /// How the model sees pictures; `nil` when it does not (`VIO_VISION=off`).
    let vision: ChatVision?
    let telegramEditInterval: Duration
    let qqSplitCharacters: Int
    /// The conversations' notes; `nil` when memory does not summarise (`VIO_MEMORY_SUMMARY=off`).
    let notes: ConversationNotes?

    init(environment: FeatureEnvironment, allowance: ChatAllowance, persona: PromptPreset, tools: [ChatTool], logger: any BotLogger) {
        let configuration = environment.configuration
        conversations = environment.conversations
        setups = ChatSetups(records: environment.records)
        prompts = configuration.prompts
        defaultPersona = persona
        models = configuration.chatModels
        self.allowance = allowance
        self.tools = tools
        toolRounds = configuration.toolRounds
        telegramEditInterval = configuration.telegramEditInterval
        qqSplitCharacters = configuration.qqSplitCharacters
        vision = configuration.vision ? ChatVision(maxBytes: configuration.visionMaxBytes, transport: environment.transport) : nil
        notes = configuration.memorySummary ? ConversationNotes(records: environment.records, every: configuration.summaryEvery, logger: logger) : nil
        chat = configuration.chat.map { [notes] in
            RememberingChat(
                conversations: environment.conversations, model: ModelCaller(endpoint: $0, transport: environment.transport, metrics: environment.metrics),
                now: environment.now, notes: notes)
        }
    }

    func answer(_ text: String, in context: BotContext) async throws {
        guard var chat else { return try await context.say(FeatureTexts.Chat.notConfigured) }
        let hasPictures = ChatVision.hasPictures(context.message)
        guard !text.isEmpty || (vision != nil && hasPictures) else {
            return try await context.say(hasPictures ? FeatureTexts.Chat.picturesNotRead : FeatureTexts.Chat.empty)
        }
        let setup = await setups.setup(of: context)
        chat.model = chat.model.using(model: model(of: setup, default: chat.model.model))
        let persona = Conversation(preset: persona(of: setup))
        let model = chat.model.model
        let functions = toolless.contains(model) ? [] : tools.filter { context.features.isOn($0.featureID) }.map { $0.function(in: context) }
        let delivery = delivery(in: context)
        let streams = delivery.showsPieces
        try await allowance.say(in: context, answer: { [toolless, toolRounds, vision] in
            let turn = try await seen(text, by: vision, in: context)
            let conversation = setup.conversation(of: context.message)
            let answer = streams
                ? try await chat.streamAnswer(turn, in: conversation, as: persona, functions: functions, maxRounds: toolRounds) { try await delivery.add($0) }
                : try await chat.answer(turn, in: conversation, as: persona, functions: functions, maxRounds: toolRounds)
            if answer.toolsRefused {
                toolless.insert(model)
                context.logger.warning("the model's provider refused tools; asking it without them until restart", metadata: ["model": "\(model)"])
            }
            return answer
        }, deliver: { try await delivery.finish($0.text) })
    }

    /// How the answer reaches this chat: growing by edits on Telegram, in parts as they are
    /// written on QQ, whole elsewhere.
    private func delivery(in context: BotContext) -> any AnswerDelivery {
        switch context.platform {
        case .telegram: EditedAnswer(context: context, interval: telegramEditInterval)
        case .onebot: SplitAnswer(context: context, limit: qqSplitCharacters)
        default: WholeAnswer(context: context)
        }
    }

    /// `text` with the message's pictures when the model sees them; a user whose pictures were
    /// left out hears it once, before the answer.
    private func seen(_ text: String, by vision: ChatVision?, in context: BotContext) async throws -> UserTurn {
        guard let vision else { return UserTurn(text: text) }
        let seen = await vision.turn(text: text, in: context)
        if seen.missed > 0 { try await context.say(FeatureTexts.Chat.picturesLeftOut(seen.missed)) }
        return seen.turn
    }

    func forget(_ context: BotContext) async throws {
        let key = await setups.setup(of: context).conversation(of: context.message)
        try await conversations.reset(key)
        try await notes?.forget(key)
        try await context.say(FeatureTexts.Chat.reset)
    }

    /// `/memory`: the conversation's note, what it keeps of the turns that no longer fit.
    func memory(_ context: BotContext) async throws -> String {
        guard let notes else { return FeatureTexts.Memory.off }
        let key = await setups.setup(of: context).conversation(of: context.message)
        return await notes.note(of: key).map { FeatureTexts.Memory.shown($0.text) } ?? FeatureTexts.Memory.empty
    }

    /// `/persona [name|reset]`: the list, or the chat's persona set and what it is now.
    func choosePersona(_ query: String, in context: BotContext) async throws -> String {
        var setup = await setups.setup(of: context)
        let current = persona(of: setup)
        guard !query.isEmpty else { return FeatureTexts.Persona.list(prompts.presets, current: current) }
        let isReset = ["reset", "重置", "默认"].contains(query.lowercased())
        let chosen = isReset ? defaultPersona : prompts[query]
        guard let chosen else { return FeatureTexts.Persona.unknown(query, presets: prompts.presets, current: current) }
        guard await CommandPermission.chatAdmin.allows(context) else { return FeatureTexts.Chat.switchRefused }
        setup.switchPersona(to: isReset ? nil : chosen.id)
        try await setups.save(setup, for: context)
        context.logger.info("chat persona switched", metadata: ["persona": "\(chosen.id)", "chat": "\(context.chatRecordKey)", "by": "\(context.sender.id)"])
        return isReset ? FeatureTexts.Persona.reset(to: chosen) : FeatureTexts.Persona.switched(to: chosen)
    }

    /// `/model [name]`: the list, or the chat's model set.
    func chooseModel(_ query: String, in context: BotContext) async throws -> String {
        guard let chat else { return FeatureTexts.Chat.notConfigured }
        var setup = await setups.setup(of: context)
        let current = model(of: setup, default: chat.model.model)
        guard !query.isEmpty else { return FeatureTexts.ModelChoice.list(models, current: current) }
        guard let chosen = models.first(where: { $0.lowercased() == query.lowercased() }) else {
            return FeatureTexts.ModelChoice.unknown(query, models: models, current: current)
        }
        guard await CommandPermission.chatAdmin.allows(context) else { return FeatureTexts.Chat.switchRefused }
        setup.model = chosen == models.first ? nil : chosen
        try await setups.save(setup, for: context)
        context.logger.info("chat model switched", metadata: ["model": "\(chosen)", "chat": "\(context.chatRecordKey)", "by": "\(context.sender.id)"])
        return FeatureTexts.ModelChoice.switched(to: chosen)
    }

    /// The chat's persona; the default when it chose none or a preset no longer offered.
    private func persona(of setup: ChatSetup) -> PromptPreset {
        setup.persona.flatMap { prompts[$0] } ?? defaultPersona
    }

    /// The chat's model; the default when it chose none or one no longer in `VIO_MODELS`.
    private func model(of setup: ChatSetup, default defaultModel: String) -> String {
        setup.model.flatMap { chosen in models.first { $0 == chosen } } ?? defaultModel
    }
}
