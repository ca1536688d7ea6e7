import Crypto
import Foundation
import VioCore

/// The `secret_token` of vio-server's Telegram webhook: `TELEGRAM_WEBHOOK_SECRET` when set, else
/// derived from the bot token (HMAC-SHA256), so that every instance behind a load balancer, and
/// the same instance after a restart on a wiped disk, expects the secret the last `setWebhook` gave
/// Telegram. It tells nothing of the token, and whoever has the token can move the webhook anyway.
///
/// ```swift
/// let secret = WebhookSecret.make(configured: configuration.telegramWebhookSecret, token: token)
/// ```
enum WebhookSecret {
    static func make(configured: Redacted?, token: Redacted) -> Redacted {
        if let configured { return configured }
        let key = SymmetricKey(data: Data(token.value.utf8))
        let code = HMAC<SHA256>.authenticationCode(for: Data("vio-server telegram webhook secret".utf8), using: key)
        // Hex: within the letters, digits, `_` and `-` Telegram allows.
        return Redacted(code.map { String(format: "%02x", $0) }.joined())
    }
}
