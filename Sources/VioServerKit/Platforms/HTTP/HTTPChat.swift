import Foundation
import Hummingbird
import Logging
import OpenAIClient
import ServiceLifecycle
import VioCore

/// The HTTP chat endpoints, as one platform: VioGo's `POST /post` (through the bot, like any chat
/// platform), `POST /v1/chat` (the chat model with memory per user), and an OpenAI-compatible
/// `POST /v1/chat/completions` with `GET /v1/models` (Vio's presets as models).
///
/// Every one of them takes at most ``maximumBodySize`` of body (413 beyond, chunked or not, and
/// nothing of it is read further), limits each client address's rate when a rate is set (429 with
/// `Retry-After`), and needs `Authorization: Bearer <VIO_API_KEY>` when a key is set (401).
struct HTTPChat: ServerPlatform {
    /// The largest request body the endpoints read.
    static let maximumBodySize = 1 << 20
    /// The bot's id on the HTTP platform.
    static let botID: ID = "vio"
    /// The endpoints that take POST only; any other method gets 405.
    static let postPaths = ["/post", "/v1/chat", "/v1/chat/completions"]
    let platform = Platform.http

    let post: PostEndpoint
    let chat: ChatEndpoint
    let facade: OpenAIFacade
    let apiKey: Redacted?
    let rateLimiter: ClientRateLimiter?

    /// - Parameters:
    ///   - model: the chat model; without one `/post` answers as the bot does (commands work,
    ///     chat says it is not configured) and the model endpoints answer 503.
    ///   - requestsPerMinute: each client address's allowance; 0 for no limit.
    init(dispatcher: Dispatcher, conversations: any ConversationStore, model: ModelCaller?, presets: PromptLibrary = .builtIn, defaultPreset: PromptPreset,
         apiKey: Redacted?, requestsPerMinute: Int, logger: Logger, now: @escaping @Sendable () -> Date = { Date() }) {
        post = PostEndpoint(dispatcher: dispatcher, conversations: conversations)
        chat = ChatEndpoint(
            chat: model.map { RememberingChat(conversations: conversations, model: $0, now: now) },
            presets: presets, defaultPreset: defaultPreset, logger: logger)
        facade = OpenAIFacade(model: model, presets: presets, logger: logger)
        self.apiKey = apiKey
        rateLimiter = requestsPerMinute > 0 ? ClientRateLimiter(requestsPerMinute: requestsPerMinute) : nil
    }

    /// The routes are all of it: each `/post` request is served as a connection of its own.
    var service: (any Service)? { nil }

    /// HTTP callers are not bot accounts: `/ping` names none.
    func connectedBots() async -> [ConnectedBot] { [] }

    func register(on router: Router<HTTPRouteContext>, webSocketRouter: Router<WebSocketRouteContext>) {
        let endpoints = router.group()
        if let rateLimiter { endpoints.add(middleware: ClientRateLimitMiddleware(limiter: rateLimiter)) }
        if let apiKey { endpoints.add(middleware: APIKeyMiddleware(key: apiKey)) }
        endpoints.post("/post") { request, context in try await post.respond(to: request, context: context) }
        endpoints.post("/v1/chat") { request, context in try await chat.respond(to: request, context: context) }
        endpoints.post("/v1/chat/completions") { request, context in try await facade.completions(to: request, context: context) }
        endpoints.get("/v1/models") { _, _ in facade.models() }
        for path in Self.postPaths {
            for method in [HTTPRequest.Method.get, .put, .delete, .patch] {
                router.on(RouterPath(path), method: method) { _, _ in
                    Response.text("use POST", status: .methodNotAllowed, headers: [.allow: "POST"])
                }
            }
        }
    }
}
