/// What an adapter hands the bot: a message or a notice.
public enum BotEvent: Sendable {
    case message(InboundMessage)
    case notice(PlatformNotice)
}
