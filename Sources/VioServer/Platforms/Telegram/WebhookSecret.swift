import Foundation
import VioCore

/// The `secret_token` of vio-server's Telegram webhook: `TELEGRAM_WEBHOOK_SECRET` when set, else
/// one generated once and kept in the data folder, so it survives restarts.
///
/// ```swift
/// let secret = try WebhookSecret.load(configured: configuration.telegramWebhookSecret, in: configuration.dataDirectory)
/// ```
enum WebhookSecret {
    static let fileName = "telegram-webhook-secret"
    /// What Telegram allows in a secret token.
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")

    static func load(configured: Redacted?, in directory: URL) throws -> Redacted {
        if let configured { return configured }
        let file = directory.appendingPathComponent(fileName)
        if let kept = try? String(contentsOf: file, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines), !kept.isEmpty {
            return Redacted(kept)
        }
        var generator = SystemRandomNumberGenerator()
        let secret = String((0..<48).map { _ in alphabet[Int(generator.next(upperBound: UInt(alphabet.count)))] })
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: file.path, contents: Data(secret.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw ConfigurationError(setting: "TELEGRAM_WEBHOOK_SECRET", problem: "could not keep a generated secret in \(file.path); set TELEGRAM_WEBHOOK_SECRET or make the data folder writable")
        }
        return Redacted(secret)
    }
}
