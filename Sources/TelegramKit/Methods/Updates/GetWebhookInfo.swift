/// `getWebhookInfo`: the webhook's URL, backlog and last delivery error.
///
/// ```swift
/// let info = try await client.call(GetWebhookInfo())
/// if info.isSet { print("webhook at \(info.url), \(info.pendingUpdateCount) waiting") }
/// ```
public struct GetWebhookInfo: TelegramMethod {
    public typealias Result = WebhookInfo
    public static let name = "getWebhookInfo"

    public init() {}
}
