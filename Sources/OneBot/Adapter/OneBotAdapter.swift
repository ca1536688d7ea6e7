import Foundation
import Synchronization
import VioCore

/// Connects a OneBot connection to a VioCore ``Bot``: turns events into `InboundMessage`s and
/// `PlatformNotice`s, and performs the bot's actions with OneBot calls.
///
/// One adapter per connection (per bot account); ``OneBotConnection`` makes it and hands every
/// event's ``BotEvent`` to the dispatcher:
///
/// ```swift
/// let adapter = OneBotAdapter(client: client, selfID: peer.selfID ?? 0)
/// if let event = client.receive(frame), let botEvent = adapter.botEvent(for: event) {
///     await bot.handle(botEvent, via: adapter)
/// }
/// ```
public final class OneBotAdapter: ChatActions {
    public let platform = Platform.onebot
    /// Performs the actions: the connection's ``OneBotClient``, or a ``OneBotHTTPClient``.
    public let client: any OneBotCaller
    /// The bot account this connection speaks for.
    public let selfID: ID
    /// The bot's recent messages, shared by the adapters ``acting(through:)`` makes.
    private let botMessages: BotMessageMemory

    public convenience init(client: any OneBotCaller, selfID: ID) {
        self.init(client: client, selfID: selfID, botMessages: BotMessageMemory())
    }

    private init(client: any OneBotCaller, selfID: ID, botMessages: BotMessageMemory) {
        self.client = client
        self.selfID = selfID
        self.botMessages = botMessages
    }

    /// The same account's adapter, performing its actions through `client` and sharing what this
    /// one remembers (which messages are the bot's own): for one event whose actions take another
    /// way, such as a reply held back for an HTTP POST's quick operation (``QuickReplyCaller``).
    ///
    /// ```swift
    /// let quick = QuickReplyCaller(base: adapter.client, replyingTo: message) { answerNow() }
    /// deliver(Delivery(botEvent, via: adapter.acting(through: quick)))
    /// ```
    public func acting(through client: any OneBotCaller) -> OneBotAdapter {
        OneBotAdapter(client: client, selfID: selfID, botMessages: botMessages)
    }

    public var botID: ID? { selfID }

    /// The VioCore event for `event`, or `nil` for what a bot does not handle (meta events, the
    /// echo of what the bot sent, unknown kinds). The bot's own messages are remembered so replies
    /// to them count as addressed to the bot; ``Bot`` drops them, as it does on every platform.
    public func botEvent(for event: OneBotEvent) -> BotEvent? {
        switch event.kind {
        case .message(let message):
            if message.userID == selfID { rememberBotMessage(message.messageID) }
            return .message(inboundMessage(message, event: event))
        case .messageSent(let message):
            rememberBotMessage(message.messageID)
            return nil
        case .notice(let notice):
            return .notice(platformNotice(notice, event: event))
        case .request(let request):
            return .notice(platformNotice(request, event: event))
        case .meta, .unknown:
            return nil
        }
    }

    /// Whether a message speaks to the bot: an `at` of the bot (not `at all`), or a quote of one of
    /// the bot's messages seen on this connection. (Private chats always do; ``InboundMessage`` says so.)
    public func isAddressedToBot(_ message: Message) -> Bool {
        message.segments.contains { segment in
            switch segment {
            case .at(let at): at.target == .user(selfID)
            case .reply(let reply): reply.id.map { id in botMessages.ids.withLock { $0.contains(id) } } ?? false
            default: false
            }
        }
    }

    func rememberBotMessage(_ id: ID?) {
        guard let id else { return }
        botMessages.ids.withLock { $0.insert(id) }
    }

    func inboundMessage(_ event: MessageEvent, event envelope: OneBotEvent) -> InboundMessage {
        let chat: Chat = event.isGroup ? .group(event.groupID ?? 0, title: event.groupName) : .private(event.userID)
        return inboundMessage(
            event.message, chat: chat, sender: Sender(event.sender, id: event.userID), messageID: event.messageID,
            date: envelope.date, raw: envelope)
    }

    func inboundMessage(_ message: Message, chat: Chat, sender: Sender, messageID: ID, date: Date, raw: (any Sendable)?) -> InboundMessage {
        InboundMessage(
            platform: .onebot, botID: selfID, chat: chat, sender: sender, messageID: messageID,
            text: String(message.plainText.trimmingWhitespace()),
            parts: message.segments.map(\.messagePart),
            isAddressedToBot: isAddressedToBot(message), date: date, raw: raw)
    }
}

/// The ids of the bot's recent messages on one account, shared by its adapters.
private final class BotMessageMemory: Sendable {
    let ids = Mutex(RecentIDs(capacity: 1024))
}

/// The last `capacity` ids inserted, for membership tests.
struct RecentIDs {
    private var order: [ID] = []
    private var members: Set<ID> = []
    private var next = 0
    let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
    }

    func contains(_ id: ID) -> Bool { members.contains(id) }

    mutating func insert(_ id: ID) {
        guard members.insert(id).inserted else { return }
        if order.count < capacity {
            order.append(id)
        } else {
            members.remove(order[next])
            order[next] = id
            next = (next + 1) % capacity
        }
    }
}
