/// The bot's webhook as `getWebhookInfo` reports it.
public struct WebhookInfo: Decodable, Hashable, Sendable {
    /// Empty when no webhook is set (the bot polls).
    public var url: String
    public var hasCustomCertificate: Bool
    /// Updates waiting to be delivered.
    public var pendingUpdateCount: Int
    public var ipAddress: String?
    /// Unix seconds of the last failed delivery.
    public var lastErrorDate: Int64?
    public var lastErrorMessage: String?
    public var maxConnections: Int?
    public var allowedUpdates: [UpdateType]?

    enum CodingKeys: String, CodingKey {
        case url
        case hasCustomCertificate = "has_custom_certificate"
        case pendingUpdateCount = "pending_update_count"
        case ipAddress = "ip_address"
        case lastErrorDate = "last_error_date"
        case lastErrorMessage = "last_error_message"
        case maxConnections = "max_connections"
        case allowedUpdates = "allowed_updates"
    }

    /// Whether a webhook is set (then `getUpdates` fails with 409 Conflict).
    public var isSet: Bool { !url.isEmpty }
}
