import Hummingbird
import Logging
import ServiceLifecycle
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
    let platform = Platform.telegram
    private let account = TelegramAccount()

    init(client: TelegramClient, dispatcher: Dispatcher, logger: Logger) {
        self.client = client
        self.dispatcher = dispatcher
        self.logger = logger
    }

    var service: (any Service)? { self }

    func register(on router: Router<HTTPRouteContext>, webSocketRouter: Router<WebSocketRouteContext>) {}

    func connectedBots() async -> [ConnectedBot] {
        account.connectedBots(connection: "long polling")
    }

    func run() async throws {
        await cancelWhenGracefulShutdown {
            do {
                let telegram = try await client.connectAdapter(logger: logger)
                try await client.call(DeleteWebhook())
                account.set(telegram)
                logger.info("Telegram: polling as @\(telegram.username)")
                try await dispatcher.serve(telegram)
            } catch is CancellationError {
            } catch {
                logger.error("Telegram off: \(client.token.scrub("\(error)"))")
            }
            account.set(nil)
        }
    }
}
