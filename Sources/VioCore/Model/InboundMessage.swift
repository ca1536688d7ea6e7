import Foundation

/// A message a bot received, on any platform.
///
/// Adapters build it from their platform's event; features read it without knowing the platform.
/// `raw` keeps the platform's own event for the rare feature that needs more:
///
/// ```swift
/// if let event = message.raw as? OneBotEvent { … }   // import OneBot
/// ```
public struct InboundMessage: Sendable {
    public var platform: Platform
    /// The account of the bot that received the message (QQ number, Telegram bot id).
    public var botID: ID
    public var chat: Chat
    public var sender: Sender
    public var messageID: ID
    /// The plain text of the message, without mentions of the bot.
    public var text: String
    public var parts: [MessagePart]
    /// Whether the message speaks to the bot: every message of a private chat; in other chats, a
    /// mention of the bot, a reply to it or a command addressed to it. The bot answers only these.
    public var isAddressedToBot: Bool
    public var date: Date
    /// The platform's own event, for escape hatches.
    public var raw: (any Sendable)?
    /// The message this one quotes, when the platform delivers it along (Telegram does; OneBot
    /// gives only its id, which ``BotContext/quotedMessage()`` looks up).
    public var quoted: InboundMessage? {
        get { quotedBox?.message }
        set { quotedBox = newValue.map(QuotedMessageBox.init) }
    }
    private var quotedBox: QuotedMessageBox?

    /// - Parameter isAddressedToBot: whether it mentions the bot, replies to it or addresses a
    ///   command to it; a message of a private chat is addressed to the bot whatever this says.
    public init(
        platform: Platform,
        botID: ID,
        chat: Chat,
        sender: Sender,
        messageID: ID,
        text: String,
        parts: [MessagePart]? = nil,
        isAddressedToBot: Bool,
        date: Date = Date(),
        raw: (any Sendable)? = nil
    ) {
        self.platform = platform
        self.botID = botID
        self.chat = chat
        self.sender = sender
        self.messageID = messageID
        self.text = text
        self.parts = parts ?? [.text(text)]
        self.isAddressedToBot = isAddressedToBot || chat.isPrivate
        self.date = date
        self.raw = raw
    }

    /// The id of the message this one quotes, if any.
    public var replyTo: ID? {
        for case .reply(let id) in parts { return id }
        return nil
    }

    /// The users this message mentions, in order.
    public var mentions: [ID] {
        parts.compactMap { part in
            if case .mention(let id) = part { return id }
            return nil
        }
    }
}

/// Holds a quoted message, which a struct cannot hold in itself.
private final class QuotedMessageBox: Sendable {
    let message: InboundMessage

    init(_ message: InboundMessage) {
        self.message = message
    }
}
