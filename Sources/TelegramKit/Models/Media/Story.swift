/// A story, forwarded or quoted in a message.
public struct Story: Decodable, Hashable, Sendable {
    /// The chat that posted it.
    public var chat: TelegramChat
    public var id: Int64
}
