/// Extra facts Telegram gives with some errors.
public struct ResponseParameters: Codable, Hashable, Sendable {
    /// The group became a supergroup with this id: send there instead.
    public var migrateToChatID: Int64?
    /// Flood control: seconds to wait before repeating the request.
    public var retryAfter: Int?

    public init(migrateToChatID: Int64? = nil, retryAfter: Int? = nil) {
        self.migrateToChatID = migrateToChatID
        self.retryAfter = retryAfter
    }

    enum CodingKeys: String, CodingKey {
        case migrateToChatID = "migrate_to_chat_id"
        case retryAfter = "retry_after"
    }
}
