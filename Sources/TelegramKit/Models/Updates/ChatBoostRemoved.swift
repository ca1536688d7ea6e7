/// A boost was taken back from a chat.
public struct ChatBoostRemoved: Decodable, Hashable, Sendable {
    public var chat: TelegramChat
    public var boostID: String
    /// Unix seconds.
    public var removeDate: Int64
    public var source: ChatBoost.Source

    enum CodingKeys: String, CodingKey {
        case chat, source
        case boostID = "boost_id"
        case removeDate = "remove_date"
    }
}
