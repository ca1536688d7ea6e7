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
    /// The installed features, in the order they were installed.
    public private(set) var features: [FeatureInfo] = []
    /// Feature ids that are off in every chat that did not switch them on (`VIO_DISABLED_FEATURES`).
    public var featuresOffByDefault: Set<String> = [] {
        didSet { defaultFeatureStates = FeatureStates(features: features, offByDefault: featuresOffByDefault) }
    }
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

    private(set) var middleware: [Owned<any BotMiddleware>] = []
    private(set) var noticeHandlers: [Owned<NoticeHandler>] = []
    private(set) var fallbackHandler: Owned<MessageHandler>?
    /// The features as they are in a chat that switched none, kept ready for every event.
    private(set) var defaultFeatureStates = FeatureStates()
    /// The feature whose ``Feature/install(on:)`` is running: what is added now belongs to it.
    private var installing: String?

    /// Installs `feature`: everything it adds belongs to it and is switched with it.
    ///
    /// Each feature id may be installed once; a second feature with the same id is a programming
    /// error and stops the program.
    public mutating func install(_ feature: some Feature) {
        precondition(!features.contains { $0.id == feature.id }, "a feature with the id \(feature.id) is installed already")
        features.append(FeatureInfo(feature))
        defaultFeatureStates = FeatureStates(features: features, offByDefault: featuresOffByDefault)
        let outer = installing
        installing = feature.id
        feature.install(on: &self)
        installing = outer
    }

    /// Adds a command.
    public mutating func register(_ command: Command) {
        var command = command
        if command.featureID == nil { command.featureID = installing }
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
            try await context.reply(OutgoingMessage(stringLiteral: formatter.helpText(for: context.registry.commands, in: context.chat, features: context.features)))
        }
    }

    /// Sets the handler for addressed messages that match no command (the chat feature goes here).
    public mutating func fallback(_ handler: @escaping MessageHandler) {
        fallbackHandler = Owned(featureID: installing, handler: handler)
    }

    /// Adds a handler for notices; every notice handler sees every notice, in the order added.
    public mutating func onNotice(_ handler: @escaping NoticeHandler) {
        noticeHandlers.append(Owned(featureID: installing, handler: handler))
    }

    /// Adds middleware after the middleware already added.
    public mutating func use(_ middleware: any BotMiddleware) {
        self.middleware.append(Owned(featureID: installing, handler: middleware))
    }
}

/// A handler and the feature it belongs to (`nil`: the bot's own, always on).
struct Owned<Handler: Sendable>: Sendable {
    let featureID: String?
    let handler: Handler
}
