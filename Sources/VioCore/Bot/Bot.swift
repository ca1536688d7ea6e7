/// A bot: commands, a fallback, notice handlers and middleware, run on events from any platform.
///
/// Configure it as a value, then hand it events. Routing follows VioGo: every private message is
/// handled; in groups only messages that address the bot (a mention or a reply to it) are. Middleware
/// sees every message; then the first matching command runs, or else the fallback.
///
/// ```swift
/// var bot = Bot(usernames: ["vio"])
/// bot.use(RateLimitMiddleware(perUser: .init(capacity: 5, refillInterval: .seconds(10))))
/// bot.command("/ping", summary: "check the bot is alive") { context, _ in
///     try await context.reply("pong")
/// }
/// bot.fallback { context in try await context.reply("You said: \(context.message.text)") }
/// try await Dispatcher(bot: bot).serve(connection)   // or, for one event: await bot.handle(event, via: actions)
/// ```
public struct Bot: Sendable {
    public typealias MessageHandler = @Sendable (BotContext) async throws -> Void
    public typealias NoticeHandler = @Sendable (NoticeContext) async throws -> Void

    public private(set) var registry = CommandRegistry()
    public private(set) var middleware: [any BotMiddleware] = []
    public private(set) var noticeHandlers: [NoticeHandler] = []
    public private(set) var fallbackHandler: MessageHandler?
    public var services: BotServices
    public var texts: BotTexts
    /// The bot's usernames, so `/cmd@name` addressed to it matches (Telegram). Empty accepts any.
    public var usernames: Set<String>

    public init(
        services: BotServices = BotServices(),
        texts: BotTexts = BotTexts(),
        usernames: Set<String> = []
    ) {
        self.services = services
        self.texts = texts
        self.usernames = usernames
    }

    /// Adds a command.
    public mutating func register(_ command: Command) {
        registry.register(command)
    }

    /// Adds a command from its parts; see ``Command``.
    public mutating func command(
        _ name: String,
        aliases: [String] = [],
        summary: String = "",
        usage: String? = nil,
        scope: CommandScope = .anywhere,
        permission: CommandPermission = .everyone,
        handler: @escaping Command.Handler
    ) {
        register(Command(name, aliases: aliases, summary: summary, usage: usage, scope: scope, permission: permission, handler: handler))
    }

    /// Adds a help command that lists every visible command usable in the chat it is asked in.
    public mutating func helpCommand(
        _ name: String = "help", aliases: [String] = ["/help"], summary: String = "list the commands", formatter: HelpFormatter = HelpFormatter()
    ) {
        command(name, aliases: aliases, summary: summary) { context, _ in
            try await context.reply(OutgoingMessage(stringLiteral: formatter.helpText(for: context.registry.commands, in: context.chat)))
        }
    }

    /// Sets the handler for addressed messages that match no command (the chat feature goes here).
    public mutating func fallback(_ handler: @escaping MessageHandler) {
        fallbackHandler = handler
    }

    /// Adds a handler for notices; every notice handler sees every notice, in the order added.
    public mutating func onNotice(_ handler: @escaping NoticeHandler) {
        noticeHandlers.append(handler)
    }

    /// Adds middleware after the middleware already added.
    public mutating func use(_ middleware: any BotMiddleware) {
        self.middleware.append(middleware)
    }
}
