import Crypto
import Foundation
import Hummingbird
import Logging
import NIOFoundationCompat
import OneBot
import ServiceLifecycle
import Synchronization
import VioCore

/// OneBot v11 in HTTP POST mode: the implementation POSTs each event to `/onebot/v11/http`, and the
/// bot's actions go to the account's HTTP API (`ONEBOT_HTTP_API_URL`).
///
/// With `ONEBOT_SECRET` set, an event whose `X-Signature` is missing or wrong gets 403 and nothing
/// of it is acted on. A message event's answer waits, up to ``quickReplyWindow``, for its handler:
/// when all the handler did was one reply, the reply goes back as the answer's quick operation (no
/// API call, and no API needed). Any other event, and a message whose handler does more or takes
/// longer, is answered 204 and its actions go through the API. At shutdown, events that arrive are
/// answered 503, which implementations that retry send again.
struct OneBotHTTPPost: ServerPlatform, Service {
    /// Also answers `/onebot/v11/http/`: the router ignores a trailing slash.
    static let path = "/onebot/v11/http"
    let platform = Platform.onebot

    let dispatcher: Dispatcher
    let signer: OneBotHTTPEvent.Signer?
    let accounts: OneBotHTTPAccounts
    /// The largest event body taken (`ONEBOT_MAX_FRAME_BYTES`).
    let maximumBodySize: Int
    let quickReplyWindow: Duration
    let logger: Logger
    private let inbox = RouteInbox<Delivery>()

    init(
        dispatcher: Dispatcher, secret: Redacted?, accounts: OneBotHTTPAccounts, maximumBodySize: Int, quickReplyWindow: Duration,
        logger: Logger
    ) {
        self.dispatcher = dispatcher
        signer = secret.map(OneBotHTTPEvent.Signer.hmacSHA1)
        self.accounts = accounts
        self.maximumBodySize = maximumBodySize
        self.quickReplyWindow = quickReplyWindow
        self.logger = logger
    }

    var service: (any Service)? { self }

    func connectedBots() async -> [ConnectedBot] {
        accounts.posting.map { ConnectedBot(platform: .onebot, account: $0, name: "QQ \($0) (HTTP)", connection: "HTTP POST") }
    }

    func register(on router: Router<HTTPRouteContext>, webSocketRouter: Router<WebSocketRouteContext>) {
        router.post(RouterPath(Self.path)) { request, _ in await receive(request) }
    }

    /// One posted event: checked, handed to the dispatcher, and answered.
    func receive(_ request: Request) async -> Response {
        let body: Data
        do {
            body = Data(buffer: try await request.body.collect(upTo: maximumBodySize))
        } catch {
            logger.warning("OneBot HTTP POST: an event larger than \(StartupReport.bytes(maximumBodySize)) was refused (ONEBOT_MAX_FRAME_BYTES)")
            return Response(status: .contentTooLarge)
        }
        let headers = VioCore.HTTPHeaders(request.headers.map { ($0.name.rawName, $0.value) })
        let posted: OneBotHTTPEvent
        switch OneBotHTTPEvent.read(headers: headers, body: body, signer: signer) {
        case .success(let event):
            posted = event
        case .failure(let rejection):
            logger.warning("OneBot HTTP POST refused: \(rejection)")
            return Response(status: .init(code: rejection.httpStatus))
        }
        let adapter = accounts.adapter(for: posted.selfID, logger: logger)
        guard let botEvent = adapter.botEvent(for: posted.event) else { return Response(status: .noContent) }
        guard case .message(let message) = posted.event.kind else {
            return Response(status: inbox.deliver(Delivery(botEvent, via: adapter)) ? .noContent : .serviceUnavailable)
        }
        return await answer(message, botEvent, adapter: adapter)
    }

    /// Delivers a message event and answers with its reply as a quick operation, if that is all its
    /// handler did within the window.
    private func answer(_ message: MessageEvent, _ botEvent: BotEvent, adapter: OneBotAdapter) async -> Response {
        let (moments, moment) = AsyncStream.makeStream(of: AnswerMoment.self, bufferingPolicy: .bufferingNewest(1))
        let quick = QuickReplyCaller(base: adapter.client, replyingTo: message) { moment.yield(.handlerActed) }
        let delivery = Delivery(botEvent, via: adapter.acting(through: quick), onFinished: { moment.yield(.handlerEnded($0)) })
        guard inbox.deliver(delivery) else { return Response(status: .serviceUnavailable) }
        let reached = await withTaskGroup(of: AnswerMoment.self) { group in
            group.addTask {
                for await reached in moments { return reached }
                return .windowPassed
            }
            group.addTask {
                try? await Task.sleep(for: quickReplyWindow)
                return .windowPassed
            }
            defer { group.cancelAll() }
            return await group.next() ?? .windowPassed
        }
        let operation = quick.answer()
        if reached == .handlerEnded(.dropped) { return Response(status: .serviceUnavailable) }
        guard !operation.isEmpty else { return Response(status: .noContent) }
        return Response(
            status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(data: operation.body)))
    }

    /// What ends a posted message's wait for its answer.
    private enum AnswerMoment: Hashable, Sendable {
        /// The handler did something besides one reply.
        case handlerActed
        case handlerEnded(Delivery.Outcome)
        /// The implementation would give up on the POST soon.
        case windowPassed
    }

    func run() async throws {
        let deliveries = inbox.open()
        // At shutdown the inbox closes: events already taken are still handled; later ones get 503.
        try await withGracefulShutdownHandler {
            try await dispatcher.serve(PostedEvents(deliveries: deliveries))
        } onGracefulShutdown: {
            inbox.close()
        }
        inbox.close()
    }
}

/// The events the route took, as one platform connection.
private struct PostedEvents: PlatformConnection {
    let deliveries: AsyncStream<Delivery>

    func run(deliver: (Delivery) -> Void) async throws {
        for await delivery in deliveries { deliver(delivery) }
    }
}

/// The bot accounts that post events, each with its adapter: made on an account's first event and
/// kept, so what an adapter remembers (the bot's own messages) lasts.
final class OneBotHTTPAccounts: Sendable {
    let roots: OneBotHTTPRoots?
    let accessToken: Redacted?
    let apiTimeout: Duration
    let transport: any HTTPTransport
    private let adapters = Mutex<[ID: OneBotAdapter]>([:])

    init(roots: OneBotHTTPRoots?, accessToken: Redacted?, apiTimeout: Duration, transport: any HTTPTransport) {
        self.roots = roots
        self.accessToken = accessToken
        self.apiTimeout = apiTimeout
        self.transport = transport
    }

    /// `account`'s adapter, acting through its HTTP API; made, and logged, on its first event.
    func adapter(for account: ID, logger: Logger) -> OneBotAdapter {
        let root = roots?.root(for: account)
        let (adapter, isNew) = adapters.withLock { adapters in
            if let adapter = adapters[account] { return (adapter, false) }
            let caller: any OneBotCaller = root.map {
                OneBotHTTPClient(root: $0, accessToken: accessToken, defaultTimeout: apiTimeout, transport: transport)
            } ?? NoHTTPAPI(account: account)
            let adapter = OneBotAdapter(client: caller, selfID: account)
            adapters[account] = adapter
            return (adapter, true)
        }
        if isNew {
            let api = root.map { "its actions go to \(ForwardLink.masked($0.absoluteString))" }
                ?? "no ONEBOT_HTTP_API_URL for it: only replies given as quick operations reach QQ"
            logger.info("OneBot account posting events by HTTP", metadata: ["self_id": "\(account)", "api": "\(api)"])
        }
        return adapter
    }

    /// The accounts that have posted events, sorted.
    var posting: [ID] {
        adapters.withLock { $0.keys.sorted() }
    }
}

/// The caller of an account with no HTTP API set: every action fails, saying so.
private struct NoHTTPAPI: OneBotCaller {
    let account: ID

    func call<Action: OneBotAction>(_ action: Action, timeout: Duration?) async throws -> Action.Response {
        throw OneBotError.unreachable(
            action: action.action, reason: "no HTTP API is set for account \(account): set ONEBOT_HTTP_API_URL to its http://host:port")
    }
}

extension OneBotHTTPEvent.Signer {
    /// Signs with swift-crypto's HMAC-SHA1, keyed by `secret`.
    static func hmacSHA1(secret: Redacted) -> Self {
        Self(secret: secret) { key, body in
            Data(HMAC<Insecure.SHA1>.authenticationCode(for: body, using: SymmetricKey(data: key)))
        }
    }
}
