import Hummingbird
import HummingbirdCore
import HummingbirdWebSocket
import Logging
import NIOCore
import NIOHTTP1
import OneBot

/// Hummingbird's HTTP/1 + WebSocket child channel with a handshake gate in front, so a refused
/// OneBot handshake gets 401 or 403 instead of the upgrade path's 400, and an
/// ``OversizedFrameDetector`` behind, so a connection can tell a refused frame from a peer leaving.
/// Made by ``HummingbirdCore/HTTPServerBuilder/oneBot(webSocketRouter:handshake:paths:maxFrameSize:)``.
public struct OneBotServerChannel: ServerChildChannel {
    public struct Value: ServerChildChannelValue {
        let upgrade: HTTP1WebSocketUpgradeChannel.Value
        let oversizedFrames: OversizedFrameDetector.Record
        public var channel: any Channel { upgrade.channel }
    }

    let upgradeChannel: HTTP1WebSocketUpgradeChannel
    let handshake: ReverseWebSocketHandshake
    let paths: Set<String>

    public func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        upgradeChannel.setup(channel: channel, logger: logger).flatMapThrowing { upgrade in
            let operations = channel.pipeline.syncOperations
            let decoder = try operations.handler(type: ByteToMessageHandler<HTTPRequestDecoder>.self)
            try operations.addHandler(OneBotHandshakeGate(handshake: handshake, paths: paths), position: .after(decoder))
            let detector = OversizedFrameDetector()
            try operations.addHandler(detector)
            return Value(upgrade: upgrade, oversizedFrames: detector.record)
        }
    }

    public func handle(value: Value, logger: Logger) async {
        // The WebSocket route runs in this task, and reads the record from here.
        await OversizedFrameDetector.$current.withValue(value.oversizedFrames) {
            await upgradeChannel.handle(value: value.upgrade, logger: logger)
        }
    }
}

extension HTTPServerBuilder {
    /// HTTP/1 with WebSocket upgrades through `webSocketRouter`, OneBot handshakes checked first.
    ///
    /// ```swift
    /// let app = Application(
    ///     router: router,
    ///     server: .oneBot(webSocketRouter: webSocketRouter, handshake: handshake, paths: ["/onebot"], maxFrameSize: 16 << 20))
    /// ```
    ///
    /// - Parameter maxFrameSize: the largest frame a peer may send (`ONEBOT_MAX_FRAME_BYTES`).
    ///   HummingbirdWebSocket's default is 16 KiB, far below what OneBot peers send in one frame; a
    ///   larger frame is refused by the frame decoder before its payload is read, with close code
    ///   1009. The other WebSocket defaults stay: a ping every 30 s closes a peer that stopped
    ///   answering, and a closing peer gets 15 s to answer the close frame.
    ///   - paths: the paths of OneBot endpoints, whose handshakes are checked.
    public static func oneBot<Context: WebSocketRequestContext>(
        webSocketRouter: Router<Context>, handshake: ReverseWebSocketHandshake, paths: Set<String>, maxFrameSize: Int
    ) -> HTTPServerBuilder {
        let webSocketResponder = webSocketRouter.buildResponder()
        let configuration = WebSocketServerConfiguration(maxFrameSize: maxFrameSize)
        return HTTPServerBuilder { responder in
            OneBotServerChannel(
                upgradeChannel: HTTP1WebSocketUpgradeChannel(responder: responder, webSocketResponder: webSocketResponder, configuration: configuration),
                handshake: handshake, paths: paths)
        }
    }
}
