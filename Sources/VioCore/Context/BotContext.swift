/// What a message handler gets: the message, and the means to act on it.
///
/// ```swift
/// bot.command("禁言抽奖", aliases: ["/lottery"], scope: .group) { context, _ in
///     let seconds = Int.random(in: 0...600)
///     try await context.mute(user: context.sender.id, for: .seconds(seconds))
///     try await context.reply("\(mention: context.sender.id) muted for \(seconds) s")
/// }
/// ```
public struct BotContext: ActionContext {
    public let message: InboundMessage
    public let actions: any ChatActions
    public let services: BotServices
    /// The commands of the bot handling the message (for help listings).
    public let registry: CommandRegistry
    /// The bot's features and which are on in this chat.
    public let features: FeatureStates

    public init(
        message: InboundMessage, actions: any ChatActions, services: BotServices, registry: CommandRegistry = CommandRegistry(),
        features: FeatureStates = FeatureStates()
    ) {
        self.message = message
        self.actions = actions
        self.services = services
        self.registry = registry
        self.features = features
    }

    public var chat: Chat { message.chat }
    public var sender: Sender { message.sender }
    public var replyChat: Chat? { message.chat }
    public var replyQuote: ID? { message.messageID }

    /// Whether the sender is one of the bot's superusers.
    public var senderIsSuperuser: Bool {
        services.superusers.contains(PlatformUser(platform: message.platform, id: message.sender.id))
    }

    /// The sender's role in the group: as the message says (QQ sends it with every group message),
    /// or else as the platform answers when asked (Telegram's `getChatMember`, which its adapter
    /// caches). `nil` in private chats, and when the platform cannot say; the failure is logged.
    ///
    /// ```swift
    /// guard (await context.senderRole() ?? .member) >= .admin else { return try await context.reply("admins only") }
    /// ```
    public func senderRole() async -> MemberRole? {
        guard chat.kind != .private else { return nil }
        if let role = sender.role { return role }
        do {
            return try await actions.memberInfo(user: sender.id, in: chat.id).role
        } catch {
            logger.warning("could not look up the sender's role", metadata: [
                "platform": "\(platform)", "chat": "\(chat.id)", "user": "\(sender.id)", "error": "\(error)",
            ])
            return nil
        }
    }
}

/// What a notice handler gets: the notice, and the means to act on it.
public struct NoticeContext: ActionContext {
    public let notice: PlatformNotice
    public let actions: any ChatActions
    public let services: BotServices

    public init(notice: PlatformNotice, actions: any ChatActions, services: BotServices) {
        self.notice = notice
        self.actions = actions
        self.services = services
    }

    public var replyChat: Chat? { notice.chat }
    public var replyQuote: ID? { nil }

    /// Whether the notice is about the bot's own account (the bot joined or left a group…).
    public var isAboutTheBot: Bool {
        guard let botID = actions.botID else { return false }
        switch notice {
        case .memberJoined(let change), .memberLeft(let change): return change.user == botID
        case .memberMuted(let mute): return mute.user == botID
        case .messageRecalled, .other: return false
        }
    }
}

extension BotContext {
    /// The message this one replies to: the one the platform delivered along, else looked up by id;
    /// `nil` when it replies to none.
    ///
    /// ```swift
    /// if let quoted = try await context.quotedMessage() { try await context.say("you quoted: \(quoted.text)") }
    /// ```
    public func quotedMessage() async throws -> InboundMessage? {
        guard let id = message.replyTo else { return nil }
        if let quoted = message.quoted, quoted.messageID == id { return quoted }
        return try await fetchMessage(id: id)
    }
}
