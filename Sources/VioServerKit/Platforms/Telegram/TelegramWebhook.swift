import Foundation
import Hummingbird
import Logging
import NIOFoundationCompat
import ServiceLifecycle
import TelegramKit
import VioCore

/// Telegram by webhook (`TG_WEBHOOK_URL`): Telegram POSTs each update to `TG_WEBHOOK_URL` + the
/// token, as VioGo set it, or to `/telegram/webhook`.
///
/// Its service checks the token (`getMe`), calls `setWebhook` with that URL and the secret token,
/// then hands the updates the route receives to the dispatcher. A request without the right
/// `X-Telegram-Bot-Api-Secret-Token` gets 401 and nothing of it is acted on; one that arrives
/// before the webhook is set up, or while the server shuts down, gets 503 and Telegram sends it again.
struct TelegramWebhook: ServerPlatform, Service {
    static let fixedPath = "/telegram/webhook"
    let platform = Platform.telegram

    let client: TelegramClient
    let dispatcher: Dispatcher
    /// Where Telegram delivers: `TG_WEBHOOK_URL` + the token.
    let deliveryURL: URL
    let decoder: WebhookDecoder
    let logger: Logger
    private let account = TelegramAccount()
    private let inbox = RouteInbox<Update>()

    /// - Parameters:
    ///   - baseURL: `TG_WEBHOOK_URL`; the token is appended, as VioGo did (`https://host/tgbot/` + token).
    ///   - secret: the `secret_token` Telegram must send back.
    init(client: TelegramClient, dispatcher: Dispatcher, baseURL: URL, secret: Redacted, logger: Logger) {
        self.client = client
        self.dispatcher = dispatcher
        deliveryURL = URL(string: baseURL.absoluteString + client.token.value) ?? baseURL
        decoder = WebhookDecoder(secretToken: secret)
        self.logger = logger
    }

    var service: (any Service)? { self }

    func connectedBots() async -> [ConnectedBot] {
        account.connectedBots(connection: "webhook")
    }

    func register(on router: Router<HTTPRouteContext>, webSocketRouter: Router<WebSocketRouteContext>) {
        for path in Set([deliveryURL.path, Self.fixedPath]) where !path.isEmpty {
            router.post(RouterPath(path)) { request, _ in await receive(request) }
        }
    }

    /// One delivery: checked, decoded and handed to the dispatcher, or refused.
    func receive(_ request: Request) async -> Response {
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: WebhookDecoder.maximumBodySize)
        } catch {
            return Response(status: .contentTooLarge)
        }
        let headers = VioCore.HTTPHeaders(request.headers.map { ($0.name.rawName, $0.value) })
        switch decoder.decode(headers: headers, body: Data(buffer: body)) {
        case .success(let update):
            return Response(status: inbox.deliver(update) ? .ok : .serviceUnavailable)
        case .failure(let rejection):
            logger.warning("Telegram webhook: \(rejection)")
            return Response(status: .init(code: rejection.httpStatus))
        }
    }

    func run() async throws {
        do {
            let telegram = try await cancelWhenGracefulShutdown { try await client.connectAdapter(logger: logger) }
            // Deliveries are taken from here on; they wait in the inbox until the dispatcher serves it.
            let updates = inbox.open()
            _ = try await cancelWhenGracefulShutdown {
                try await client.call(SetWebhook(url: deliveryURL.absoluteString, secretToken: decoder.secretToken))
            }
            account.set(telegram)
            logger.info("Telegram: webhook set for @\(telegram.username)")
            // At shutdown the inbox closes: what Telegram was already told was received (200) is still
            // handled; later deliveries get 503, and Telegram sends them again after the restart.
            try await withGracefulShutdownHandler {
                try await dispatcher.serve(WebhookConnection(adapter: telegram, updates: updates))
            } onGracefulShutdown: {
                inbox.close()
            }
        } catch is CancellationError {
        } catch {
            logger.error("Telegram off: \(client.token.scrub("\(error)"))")
        }
        inbox.close()
        account.set(nil)
    }
}

/// The webhook's updates as a platform connection: every update's events, with the adapter's actions.
private struct WebhookConnection: PlatformConnection {
    let adapter: TelegramAdapter
    let updates: AsyncStream<Update>

    func run(deliver: (Delivery) -> Void) async throws {
        for await update in updates {
            for event in adapter.events(for: update) { deliver(Delivery(event, via: adapter.actions)) }
        }
    }
}
