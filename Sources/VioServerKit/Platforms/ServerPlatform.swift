import Hummingbird
import ServiceLifecycle
import VioCore

/// One platform vio-server serves, as one entry of its list: its routes, what runs beside the
/// server for it, and its connections for `/ping`. Every platform hands its events to the one
/// ``VioCore/Dispatcher``.
///
/// ```swift
/// let platforms: [any ServerPlatform] = [OneBotReverseWebSocket(…), TelegramLongPolling(…)]
/// ```
protocol ServerPlatform: Sendable {
    /// Which platform it serves, as metrics name it.
    var platform: Platform { get }
    /// Adds the platform's routes: plain HTTP ones (webhooks) on `router`, WebSocket ones on `webSocketRouter`.
    func register(on router: Router<HTTPRouteContext>, webSocketRouter: Router<WebSocketRouteContext>)
    /// What runs beside the server and takes events (a long poll); `nil` when the routes are all of
    /// it. It is shut down first, before the dispatcher drains; if it ends on its own, the server goes on.
    var service: (any Service)? { get }
    /// What holds connections the platform opened itself (dialled WebSockets): started before the
    /// dispatcher and shut down after it has drained, as the server's own sockets are, so the
    /// handlers still running at shutdown can still answer.
    var connectionService: (any Service)? { get }
    /// The bot accounts connected now.
    func connectedBots() async -> [ConnectedBot]
    /// The connections it dials, as they stand now.
    var dialledLinks: [ForwardLink] { get }
}

extension ServerPlatform {
    var connectionService: (any Service)? { nil }
    var dialledLinks: [ForwardLink] { [] }
}
