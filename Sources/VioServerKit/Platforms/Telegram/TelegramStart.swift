import Foundation
import Logging
import Synchronization
import TelegramKit
import VioCore

extension TelegramClient {
    /// `getMe`, repeated with `policy`'s growing wait after network and server failures, as the
    /// poller would (``RetryVerdict/telegramPolling(after:)``), so a Bot API that is down at start is
    /// picked up when it comes back; a refused token is thrown at once.
    func connectAdapter(retrying policy: RetryPolicy = .telegramLongPolling, logger: Logger) async throws -> TelegramAdapter {
        try await policy.run(environment: environment) {
            try await TelegramAdapter.connect(self)
        } classify: { error in
            .telegramPolling(after: error)
        } onRetry: { error, retry, delay in
            logger.warning("Telegram: could not reach the Bot API, trying again", metadata: [
                "retry": "\(retry)", "retryIn": "\(delay)", "error": "\(token.scrub("\(error)"))",
            ])
        }
    }
}

/// The Telegram account a platform serves, for `/ping` and the console: set once connected,
/// cleared when it stops.
final class TelegramAccount: Sendable {
    private struct Connected {
        let id: Int64
        let username: String
        let since: Date
    }
    private let current = Mutex<Connected?>(nil)

    init() {}

    /// The bot, connected by `connection` (`long polling`, `webhook`), if it is.
    func connectedBots(connection: String) -> [ConnectedBot] {
        guard let bot = current.withLock({ $0 }) else { return [] }
        return [ConnectedBot(platform: .telegram, account: ID(bot.id), name: "Telegram @\(bot.username)", connection: connection, since: bot.since)]
    }

    func set(_ adapter: TelegramAdapter?) {
        let connected = adapter.map { Connected(id: $0.mapper.bot.id, username: $0.username, since: Date()) }
        current.withLock { $0 = connected }
    }
}
