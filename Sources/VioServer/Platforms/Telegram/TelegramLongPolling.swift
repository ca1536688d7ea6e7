import Hummingbird
import Logging
import ServiceLifecycle
import Synchronization
import TelegramKit
import VioCore

/// Telegram by long polling: checks the token (`getMe`), deletes a stale webhook (`getUpdates` gets
/// 409 while one is set), then polls and hands every update's events to the dispatcher.
///
/// Its service never stops the server: a refused token or another poller (409) is logged and
/// Telegram stays off while the other platforms go on; a network failure at start is retried with a
/// growing wait. At shutdown it stops polling first, before the dispatcher drains, so no update is
/// taken that would not be handled.
struct TelegramLongPolling: ServerPlatform, Service {
    let client: TelegramClient
    let dispatcher: Dispatcher
    let logger: Logger
    /// Waits between failed attempts to reach Telegram at start.
    var startRetry = RetryPolicy.telegramLongPolling
    private let connected = TelegramAccount()

    init(client: TelegramClient, dispatcher: Dispatcher, logger: Logger) {
        self.client = client
        self.dispatcher = dispatcher
        self.logger = logger
    }

    var service: (any Service)? { self }

    func register(on router: Router<BasicRequestContext>, webSocketRouter: Router<WebSocketRouteContext>) {}

    func connectedBots() async -> [String] {
        connected.username.map { ["Telegram @\($0)"] } ?? []
    }

    func run() async throws {
        await cancelWhenGracefulShutdown {
            do {
                let telegram = try await connect()
                try await client.call(DeleteWebhook())
                connected.set(telegram.username)
                logger.info("Telegram: polling as @\(telegram.username)")
                try await dispatcher.serve(telegram)
            } catch is CancellationError {
            } catch {
                logger.error("Telegram off: \(client.token.scrub("\(error)"))")
            }
            connected.set(nil)
        }
    }

    /// `getMe`, repeated after network and server failures; a refused token is thrown at once.
    private func connect() async throws -> TelegramAdapter {
        try await startRetry.run(environment: client.environment) {
            try await TelegramAdapter.connect(client)
        } classify: { error in
            switch error {
            case TelegramClientError.invalidToken: .giveUp
            case let error as TelegramError: error.kind == .badToken ? .giveUp : .retry(after: error.retryAfter)
            case is TelegramClientError: .retry(after: nil)
            default: .giveUp
            }
        } onRetry: { error, retry, delay in
            logger.warning("Telegram: could not reach the Bot API, trying again", metadata: [
                "retry": "\(retry)", "retryIn": "\(delay)", "error": "\(client.token.scrub("\(error)"))",
            ])
        }
    }
}

/// The Telegram account being polled, for `/ping`.
private final class TelegramAccount: Sendable {
    private let current = Mutex<String?>(nil)

    var username: String? { current.withLock { $0 } }

    func set(_ username: String?) {
        current.withLock { $0 = username }
    }
}
