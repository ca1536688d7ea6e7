/// What an adapter hands the bot: a message or a notice.
public enum BotEvent: Sendable {
    case message(InboundMessage)
    case notice(PlatformNotice)
}

/// An event together with the connection it came in on, so the handler's actions go back there.
public struct Delivery: Sendable {
    public var event: BotEvent
    public var actions: any ChatActions

    public init(_ event: BotEvent, via actions: any ChatActions) {
        self.event = event
        self.actions = actions
    }
}
