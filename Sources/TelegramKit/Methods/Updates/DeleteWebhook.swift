/// `deleteWebhook`: switches the bot back to `getUpdates`.
///
/// ```swift
/// try await client.call(DeleteWebhook(dropPendingUpdates: true))
/// ```
public struct DeleteWebhook: TelegramMethod {
    public typealias Result = Bool
    public static let name = "deleteWebhook"

    /// Throw away the updates waiting for delivery.
    public var dropPendingUpdates: Bool?

    public init(dropPendingUpdates: Bool? = nil) {
        self.dropPendingUpdates = dropPendingUpdates
    }

    enum CodingKeys: String, CodingKey {
        case dropPendingUpdates = "drop_pending_updates"
    }
}
