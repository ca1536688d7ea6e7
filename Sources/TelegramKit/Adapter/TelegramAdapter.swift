import VioCore

/// Telegram as a VioCore ``PlatformConnection``: long-polls updates, maps them to events and
/// delivers each with ``TelegramActions`` to act through.
///
/// ```swift
/// let client = TelegramClient(token: Redacted(token), transport: URLSessionTransport())
/// let telegram = try await TelegramAdapter.connect(client)   // getMe: checks the token
/// try await Dispatcher(bot: bot).serve(telegram)              // returns when cancelled; throws on a bad token or 409 Conflict
/// ```
///
/// Commands addressed to this bot (`/help@ThisBot`) reach the bot as `/help`; see ``TelegramEventMapper``.
///
/// A webhook server uses ``events(for:)`` and ``actions`` directly with updates from ``WebhookDecoder``.
public struct TelegramAdapter: PlatformConnection, Sendable {
    public let client: TelegramClient
    public let mapper: TelegramEventMapper
    public let actions: TelegramActions
    /// How ``run(deliver:)`` polls. `chat_member` updates (members joining and leaving) need the bot to be an admin.
    public var polling: LongPolling.Options

    public init(client: TelegramClient, bot: User, actions: TelegramActions? = nil, polling: LongPolling.Options = LongPolling.Options()) {
        self.client = client
        self.mapper = TelegramEventMapper(bot: bot)
        self.actions = actions ?? TelegramActions(client: client)
        self.polling = polling
    }

    /// Asks Telegram who the bot is (`getMe`), which also checks the token.
    public static func connect(_ client: TelegramClient, polling: LongPolling.Options = LongPolling.Options()) async throws -> TelegramAdapter {
        TelegramAdapter(client: client, bot: try await client.call(GetMe()), polling: polling)
    }

    /// The bot's username (from `getMe`); empty for a bot without one.
    public var username: String { mapper.bot.username ?? "" }

    /// The events an update makes. Remembers senders' names so later mentions show them, and keeps
    /// the member cache current: a `chat_member` update says the member's new standing, a join or
    /// leave message makes the cache forget those members and the group's administrators.
    public func events(for update: Update) -> [BotEvent] {
        if let sender = update.message?.from { actions.remember(sender) }
        switch update.kind {
        case .chatMember(let change), .myChatMember(let change):
            let group = ID(change.chat.id)
            actions.members.forget([ID(change.newChatMember.user.id)], in: group)
            actions.members.remember(TelegramActions.memberInfo(change.newChatMember, group: group))
        case .message(let message):
            let changed = (message.newChatMembers ?? []) + (message.leftChatMember.map { [$0] } ?? [])
            if !changed.isEmpty { actions.members.forget(changed.map { ID($0.id) }, in: ID(message.chat.id)) }
        default:
            break
        }
        return mapper.events(for: update)
    }

    /// Polls updates and delivers their events until the task is cancelled or polling fails for good.
    public func run(deliver: (Delivery) -> Void) async throws {
        for try await update in LongPolling(client: client, options: polling) {
            for event in events(for: update) { deliver(Delivery(event, via: actions)) }
        }
    }
}
