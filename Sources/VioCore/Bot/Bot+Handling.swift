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
        let context = BotContext(message: message, actions: actions, services: services, registry: registry)
        do {
            try await passThroughMiddleware(from: 0, context: context)
        } catch {
            await report(error, in: context)
        }
    }

    private func passThroughMiddleware(from position: Int, context: BotContext) async throws {
        guard position < middleware.count else { return try await route(context) }
        try await middleware[position].handle(context) { context in
            try await passThroughMiddleware(from: position + 1, context: context)
        }
    }

    /// Commands first, then the fallback; only messages addressed to the bot (every private one).
    private func route(_ context: BotContext) async throws {
        let message = context.message
        guard message.isAddressedToBot else { return }
        guard let (command, arguments) = registry.match(message.text, botUsernames: usernames) else {
            try await fallbackHandler?(context)
            return
        }
        if !command.scope.allows(message.chat) {
            try await context.reply(OutgoingMessage(stringLiteral: command.scope == .groupOnly ? texts.groupOnly : texts.privateOnly))
        } else if !(await command.permission.allows(context)) {
            try await context.reply(OutgoingMessage(stringLiteral: texts.permissionDenied))
        } else {
            try await command.handler(context, arguments)
        }
    }

    private func handle(_ notice: PlatformNotice, via actions: any ChatActions) async {
        let context = NoticeContext(notice: notice, actions: actions, services: services)
        for handler in noticeHandlers {
            do {
                try await handler(context)
            } catch {
                services.logger.error("notice handler failed", metadata: ["platform": "\(actions.platform)", "error": "\(error)"])
            }
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
