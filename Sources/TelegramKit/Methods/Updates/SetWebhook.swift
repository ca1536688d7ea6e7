import VioCore

/// `setWebhook`: makes Telegram POST updates to a URL (HTTPS, port 443, 80, 88 or 8443).
///
/// Set a `secretToken` and check it with ``WebhookDecoder``; Telegram sends it in the
/// `X-Telegram-Bot-Api-Secret-Token` header of every delivery.
///
/// ```swift
/// try await client.call(SetWebhook(url: "https://bot.example.com/tg", secretToken: Redacted(secret),
///                                   allowedUpdates: [.message, .callbackQuery], dropPendingUpdates: true))
/// ```
public struct SetWebhook: TelegramMethod {
    public typealias Result = Bool
    public static let name = "setWebhook"

    /// An empty string removes the webhook.
    public var url: String
    /// Self-signed certificates only: the public key, uploaded.
    public var certificate: InputFile?
    public var ipAddress: String?
    /// 1 to 100 simultaneous deliveries (default 40).
    public var maxConnections: Int?
    public var allowedUpdates: [UpdateType]?
    public var dropPendingUpdates: Bool?
    /// 1 to 256 characters of `A-Z a-z 0-9 _ -`.
    public var secretToken: Redacted?

    public init(
        url: String, secretToken: Redacted? = nil, allowedUpdates: [UpdateType]? = nil, dropPendingUpdates: Bool? = nil,
        maxConnections: Int? = nil, certificate: InputFile? = nil, ipAddress: String? = nil
    ) {
        self.url = url
        self.secretToken = secretToken
        self.allowedUpdates = allowedUpdates
        self.dropPendingUpdates = dropPendingUpdates
        self.maxConnections = maxConnections
        self.certificate = certificate
        self.ipAddress = ipAddress
    }

    enum CodingKeys: String, CodingKey {
        case url, certificate
        case ipAddress = "ip_address"
        case maxConnections = "max_connections"
        case allowedUpdates = "allowed_updates"
        case dropPendingUpdates = "drop_pending_updates"
        case secretToken = "secret_token"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(url, forKey: .url)
        try container.encodeIfPresent(certificate, forKey: .certificate)
        try container.encodeIfPresent(ipAddress, forKey: .ipAddress)
        try container.encodeIfPresent(maxConnections, forKey: .maxConnections)
        try container.encodeIfPresent(allowedUpdates, forKey: .allowedUpdates)
        try container.encodeIfPresent(dropPendingUpdates, forKey: .dropPendingUpdates)
        try container.encodeIfPresent(secretToken?.value, forKey: .secretToken)
    }
}
