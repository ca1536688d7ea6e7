/// A boost given to a chat.
public struct ChatBoost: Decodable, Hashable, Sendable {
    public var boostID: String
    /// Unix seconds.
    public var addDate: Int64
    /// Unix seconds.
    public var expirationDate: Int64
    public var source: Source

    enum CodingKeys: String, CodingKey {
        case source
        case boostID = "boost_id"
        case addDate = "add_date"
        case expirationDate = "expiration_date"
    }

    /// Where a boost came from: `premium`, `gift_code` or `giveaway`, and the user when known.
    public struct Source: Decodable, Hashable, Sendable {
        public var source: String
        public var user: User?
    }
}
