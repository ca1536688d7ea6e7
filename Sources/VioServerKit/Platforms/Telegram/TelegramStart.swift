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

/// The Telegram account a platform serves, for `/ping`: set once connected, cleared when it stops.
final class TelegramAccount: Sendable {
    private let current = Mutex<String?>(nil)

    init() {}

    var connectedBots: [String] {
        current.withLock { $0 }.map { ["Telegram @\($0)"] } ?? []
    }

    func set(_ username: String?) {
        current.withLock { $0 = username }
    }
}
