import VioCore

/// Runs a VioCore ``Bot`` on Telegram: long-polls updates, maps them to events and hands each to the
/// bot with ``TelegramActions`` to act through.
///
/// ```swift
/// let client = TelegramClient(token: Redacted(token), transport: URLSessionTransport())
/// let telegram = try await TelegramAdapter.connect(client)
/// try await telegram.run(bot)      // returns when cancelled; throws on a bad token or 409 Conflict
/// ```
///
/// A webhook server uses ``events(for:)`` and ``actions`` directly with updates from ``WebhookDecoder``.
public struct TelegramAdapter: Sendable {
    public let client: TelegramClient
    public let mapper: TelegramEventMapper
    public let actions: TelegramActions

    public init(client: TelegramClient, bot: User, actions: TelegramActions? = nil) {
        self.client = client
        self.mapper = TelegramEventMapper(bot: bot)
        self.actions = actions ?? TelegramActions(client: client)
    }

    /// Asks Telegram who the bot is (`getMe`), which also checks the token.
    public static func connect(_ client: TelegramClient) async throws -> TelegramAdapter {
        TelegramAdapter(client: client, bot: try await client.call(GetMe()))
    }

    /// The events an update makes; remembers senders' names so later mentions show them.
    public func events(for update: Update) -> [BotEvent] {
        if let sender = update.message?.from { actions.remember(sender) }
        return mapper.events(for: update)
    }

    /// Polls and handles updates until the task is cancelled or polling fails for good.
    ///
    /// Each event runs in its own child task (see ``Bot/run(_:)``), so a slow handler never holds up
    /// polling. `chat_member` updates (members joining and leaving) need the bot to be an admin.
    public func run(_ bot: Bot, options: LongPolling.Options = LongPolling.Options()) async throws {
        var bot = bot
        if let username = mapper.bot.username { bot.usernames.insert(username) }
        let (deliveries, continuation) = AsyncStream.makeStream(of: Delivery.self)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { [bot] in await bot.run(deliveries) }
            defer { continuation.finish() }
            for try await update in LongPolling(client: client, options: options) {
                for event in events(for: update) { continuation.yield(Delivery(event, via: actions)) }
            }
        }
    }
}
