/// Why a webhook delivery gave no update, and what to answer Telegram.
public enum WebhookRejection: Error, Hashable, Sendable, CustomStringConvertible {
    /// No `X-Telegram-Bot-Api-Secret-Token` header: not from Telegram, or the webhook was set without it.
    case missingSecret
    /// The header does not match: not from Telegram, or the webhook was set with another secret.
    case wrongSecret
    /// The body is longer than ``WebhookDecoder/maximumBodySize``.
    case bodyTooLarge(bytes: Int)
    /// The body is not JSON.
    case malformedBody
    /// A JSON object that is not an update TelegramKit can read. Answer 200 anyway: Telegram would
    /// only send it again.
    case undecodableUpdate(UpdateDecodingFailure)

    /// The status to answer: 401 for a bad secret, 413 for a body too large, 400 for one that is not
    /// JSON, 200 (confirmed, so Telegram does not redeliver) for an update that cannot be decoded.
    public var httpStatus: Int {
        switch self {
        case .missingSecret, .wrongSecret: 401
        case .bodyTooLarge: 413
        case .malformedBody: 400
        case .undecodableUpdate: 200
        }
    }

    public var description: String {
        switch self {
        case .missingSecret:
            "webhook request without the \(WebhookDecoder.secretHeader) header: set the webhook with the same secret_token"
        case .wrongSecret:
            "webhook request with a wrong secret token: it is not from Telegram, or setWebhook used another secret"
        case .bodyTooLarge(let bytes):
            "webhook request body of \(bytes) bytes is larger than \(WebhookDecoder.maximumBodySize); not read"
        case .malformedBody:
            "webhook request body is not JSON"
        case .undecodableUpdate(let failure):
            "webhook \(failure); confirmed without handling it"
        }
    }
}
