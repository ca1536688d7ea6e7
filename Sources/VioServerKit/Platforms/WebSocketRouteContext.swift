import Hummingbird
import HummingbirdWebSocket
import NIOCore

/// The WebSocket router's request context: Hummingbird's basic one, plus the event loop of the
/// connection, on which the connection's reader and handlers run (``EventLoopTaskExecutor``).
struct WebSocketRouteContext: RequestContext, WebSocketRequestContext {
    var coreContext: CoreRequestContextStorage
    let webSocket: WebSocketHandlerReference<Self>
    let eventLoop: any EventLoop

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        webSocket = .init()
        eventLoop = source.channel.eventLoop
    }
}
