extension Bot {
    /// Handles one event and returns when every handler it reached has finished.
    ///
    /// The bot's own messages are dropped here, for every platform. Errors thrown by handlers are
    /// logged and answered in chat; they never escape. A ``Dispatcher`` calls this for each event a
    /// connection delivers; call it yourself to run one event, as tests do.
    public func handle(_ event: BotEvent, via actions: any ChatActions) async {
        switch event {
        case .message(let message):
            await handle(message, via: actions)
        case .notice(let notice):
            await handle(notice, via: actions)
        }
    }

    private func handle(_ message: InboundMessage, via actions: any ChatActions) async {
        guard message.sender.id != message.botID else { return }
        let featureStates = await featureStates(
            in: message.chat, on: message.platform,
            needed: message.isAddressedToBot || middleware.contains { $0.featureID != nil })
        let context = BotContext(message: message, actions: actions, services: services, registry: registry, features: featureStates)
        do {
            try await passThroughMiddleware(from: 0, context: context)
        } catch {
            await report(error, in: context)
        }
    }

    /// Middleware of a feature that is off in the chat is passed over.
    private func passThroughMiddleware(from position: Int, context: BotContext) async throws {
        guard position < middleware.count else { return try await route(context) }
        let step = middleware[position]
        let next: BotMiddleware.Next = { context in try await passThroughMiddleware(from: position + 1, context: context) }
        guard context.features.isOn(step.featureID) else { return try await next(context) }
        try await step.handler.handle(context, next: next)
    }

    /// Commands first, then the fallback; only messages addressed to the bot (every private one).
    /// A command or fallback of a feature that is off in the chat answers that it is off, and nothing else runs.
    private func route(_ context: BotContext) async throws {
        let message = context.message
        guard message.isAddressedToBot else { return }
        guard let (command, arguments) = registry.match(message.text, botUsernames: usernames) else {
            guard let fallback = fallbackHandler else { return }
            guard try await isOn(fallback.featureID, answeringIfNot: context) else { return }
            return try await fallback.handler(context)
        }
        guard try await isOn(command.featureID, answeringIfNot: context) else { return }
        if !command.scope.allows(message.chat) {
            try await context.reply(OutgoingMessage(stringLiteral: command.scope == .groupOnly ? texts.groupOnly : texts.privateOnly))
        } else if !(await command.permission.allows(context)) {
            try await context.reply(OutgoingMessage(stringLiteral: texts.permissionDenied))
        } else {
            try await command.handler(context, arguments)
        }
    }

    /// Whether the feature `id` is on in the context's chat; when it is not, says so there.
    private func isOn(_ id: String?, answeringIfNot context: BotContext) async throws -> Bool {
        guard !context.features.isOn(id), let id, let feature = context.features.feature(id) else { return true }
        try await context.reply(OutgoingMessage(stringLiteral: texts.featureOff(feature, in: context.chat)))
        return false
    }

    /// Notice handlers of a feature that is off in the notice's chat do not run.
    private func handle(_ notice: PlatformNotice, via actions: any ChatActions) async {
        let context = NoticeContext(notice: notice, actions: actions, services: services)
        var featureStates = defaultFeatureStates
        if let chat = notice.chat {
            featureStates = await self.featureStates(in: chat, on: actions.platform, needed: noticeHandlers.contains { $0.featureID != nil })
        }
        for owned in noticeHandlers where featureStates.isOn(owned.featureID) {
            do {
                try await owned.handler(context)
            } catch {
                services.logger.error("notice handler failed", metadata: ["platform": "\(actions.platform)", "error": "\(error)"])
            }
        }
    }

    /// The bot's features and which are on in `chat`; read from the store only when `needed` and
    /// the bot has features. While the store cannot answer, each feature is at its default.
    private func featureStates(in chat: Chat, on platform: Platform, needed: Bool) async -> FeatureStates {
        guard needed, !features.isEmpty else { return defaultFeatureStates }
        do {
            return defaultFeatureStates.with(switches: try await services.featureSwitches.switches(in: chat, on: platform))
        } catch {
            services.logger.warning("could not read the chat's feature switches; using the defaults", metadata: [
                "platform": "\(platform)", "chat": "\(chat.id)", "error": "\(error)",
            ])
            return defaultFeatureStates
        }
    }

    /// Logs a handler's failure and tells the user, briefly.
    private func report(_ error: any Error, in context: BotContext) async {
        guard !(error is CancellationError) else { return }
        let message = context.message
        services.logger.error("handler failed", metadata: [
            "platform": "\(message.platform)", "chat": "\(message.chat.id)", "user": "\(message.sender.id)",
            "text": String(message.text.prefix(80)), "error": "\(error)",
        ])
        let apology = (error as? any UserFacingError)?.userMessage ?? texts.handlerFailed
        do {
            try await context.reply(OutgoingMessage(stringLiteral: apology))
        } catch {
            services.logger.warning("could not send the failure reply", metadata: ["error": "\(error)"])
        }
    }
}
