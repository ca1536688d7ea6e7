import Hummingbird
import HummingbirdCore
import HummingbirdWebSocket
import Logging
import NIOCore
import NIOHTTP1
import OneBot

/// Hummingbird's HTTP/1 + WebSocket child channel with a ``OneBotHandshakeGate`` in front, so a
/// refused OneBot handshake gets 401 or 403 instead of the upgrade path's 400.
struct OneBotServerChannel: ServerChildChannel {
    let upgradeChannel: HTTP1WebSocketUpgradeChannel
    let handshake: ReverseWebSocketHandshake
    let paths: Set<String>

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<HTTP1WebSocketUpgradeChannel.Value> {
        upgradeChannel.setup(channel: channel, logger: logger).flatMapThrowing { value in
            let decoder = try channel.pipeline.syncOperations.handler(type: ByteToMessageHandler<HTTPRequestDecoder>.self)
            try channel.pipeline.syncOperations.addHandler(OneBotHandshakeGate(handshake: handshake, paths: paths), position: .after(decoder))
            return value
        }
    }

    func handle(value: HTTP1WebSocketUpgradeChannel.Value, logger: Logger) async {
        await upgradeChannel.handle(value: value, logger: logger)
    }
}

extension HTTPServerBuilder {
    /// HTTP/1 with WebSocket upgrades through `webSocketRouter`, OneBot handshakes checked first.
    static func oneBot(webSocketRouter: Router<OneBotRequestContext>, handshake: ReverseWebSocketHandshake, paths: Set<String>) -> HTTPServerBuilder {
        let webSocketResponder = webSocketRouter.buildResponder()
        return HTTPServerBuilder { responder in
            OneBotServerChannel(
                upgradeChannel: HTTP1WebSocketUpgradeChannel(responder: responder, webSocketResponder: webSocketResponder, configuration: .init()),
                handshake: handshake, paths: paths)
        }
    }
}
