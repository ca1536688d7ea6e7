/// A chat was boosted, or a boost changed (the bot must be an admin).
public struct ChatBoostUpdated: Decodable, Hashable, Sendable {
    public var chat: TelegramChat
    public var boost: ChatBoost
}
