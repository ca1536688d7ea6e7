import Foundation
import Hummingbird
import HummingbirdWebSocket
import Logging
import NIOCore
import NIOWebSocket
import OneBot
import OneBotHummingbird
import ServiceLifecycle
import VioCore

/// The OneBot v11 reverse WebSocket endpoint: NapCat, go-cqhttp, Lagrange.OneBot and LLOneBot dial in.
///
/// Served at `/onebot/v11/ws` and at VioGo's `/ws`. The handshake (token, `X-Self-ID`) is checked
/// before the upgrade; each connection then gets a ``OneBotClient`` for API calls and a
/// ``OneBotAdapter`` that turns its events into the bot's, which the ``EventDispatcher`` runs on the
/// connection's own event loop.
struct OneBotRoutes {
    static let paths = ["/onebot/v11/ws", "/ws"]

    let handshake: ReverseWebSocketHandshake
    let connections: OneBotConnections
    let dispatcher: EventDispatcher
    let apiTimeout: Duration
    /// The largest message a peer may send (`ONEBOT_MAX_FRAME_BYTES`).
    let maximumMessageSize: Int
    let logger: Logger

    func register(on router: Router<OneBotRequestContext>) {
        for path in Self.paths {
            router.ws(RouterPath(path)) { request, _ in
                switch handshake.check(headers: Self.headers(of: request), query: request.uri.query) {
                case .success(let peer) where peer.selfID != nil:
                    return .upgrade([:])
                case .success:
                    logger.warning("refused a OneBot connection without X-Self-ID", metadata: ["path": "\(path)"])
                    return .dontUpgrade
                case .failure(let rejection):
                    logger.warning("refused a OneBot connection", metadata: ["path": "\(path)", "reason": "\(rejection)"])
                    return .dontUpgrade
                }
            } onUpgrade: { inbound, outbound, context in
                guard case .success(let peer) = handshake.check(headers: Self.headers(of: context.request), query: context.request.uri.query),
                      let selfID = peer.selfID
                else { return }
                // The connection's reader and handlers run on its event loop: no thread hand-off per event.
                await withTaskExecutorPreference(EventLoopTaskExecutor(context.requestContext.eventLoop)) {
                    await serve(selfID: selfID, role: peer.role, inbound: inbound, outbound: outbound)
                }
            }
        }
    }

    /// Runs one connection until the peer leaves, the connection is replaced or the server stops.
    func serve(selfID: ID, role: ReverseWebSocketHandshake.Role, inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter) async {
        let connectionLogger = Logger.with(logger, metadata: ["self_id": "\(selfID)"])
        // Handlers write their calls' frames themselves: no writer task to wake per call.
        let client = OneBotClient(defaultTimeout: apiTimeout, logger: SwiftLogBotLogger(logger: connectionLogger)) { frame in
            try await outbound.write(.custom(WebSocketFrame(fin: true, opcode: .text, data: ByteBuffer(bytes: frame))))
        }
        let adapter = OneBotAdapter(client: client, selfID: selfID)
        let (replaced, replace) = AsyncStream.makeStream(of: Void.self)
        let number = await connections.add(adapter) {
            replace.yield()
            replace.finish()
        }
        connectionLogger.info("OneBot peer connected", metadata: ["role": "\(role.rawValue)"])

        // Whichever ends first, the reading or a replacement, says why the connection ends.
        let end = await withTaskGroup(of: OneBotConnectionEnd?.self) { group in
            group.addTask { await read(inbound, outbound: outbound, client: client, adapter: adapter, logger: connectionLogger) }
            group.addTask {
                for await _ in replaced { return .replaced }
                return nil
            }
            defer { group.cancelAll() }
            for await case let end? in group { return end }
            return .peerClosed
        }
        if end == .replaced {
            try? await outbound.close(.normalClosure, reason: "replaced by a newer connection for this account")
        }
        await connections.remove(selfID, number: number)
        end.log(to: connectionLogger)
    }

    /// Reads the connection's frames into the bot until reading ends, and says why it ended.
    private func read(
        _ inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter, client: OneBotClient, adapter: OneBotAdapter, logger: Logger
    ) async -> OneBotConnectionEnd {
        do {
            try await dispatcher.serve(via: adapter) { deliver in
                // Once reading ends, calls still waiting for a response fail at once, so the
                // connection's handlers finish instead of waiting out their timeouts.
                defer { client.connectionClosed() }
                var frames = OneBotFrameReader(inbound, maxSize: maximumMessageSize)
                while let frame = try await frames.next() {
                    // Malformed frames are logged by the client; unknown kinds here; neither ends the connection.
                    guard let event = client.receive(frame) else { continue }
                    if let botEvent = adapter.botEvent(for: event) {
                        deliver(botEvent)
                    } else if case .unknown(let postType) = event.kind {
                        logger.debug("skipped a OneBot event of a kind Vio does not know", metadata: ["post_type": "\(postType)"])
                    }
                }
            }
            return Task.isCancelled || Task.isShuttingDownGracefully ? .serverStopping : .peerClosed
        } catch let error as OneBotFrameReader.MessageTooLarge {
            try? await outbound.close(.messageTooLarge, reason: "message over ONEBOT_MAX_FRAME_BYTES")
            return .messageTooLarge(limit: error.limit)
        } catch let error as OneBotFrameReader.FragmentationError {
            try? await outbound.close(.protocolError, reason: error.description)
            return .failed(error.description)
        } catch {
            return Task.isCancelled ? .serverStopping : .failed(String(describing: error))
        }
    }

    static func headers(of request: Request) -> [(name: String, value: String)] {
        request.headers.map { (name: $0.name.rawName, value: $0.value) }
    }
}

extension Logger {
    /// A copy of `logger` with `metadata` added.
    static func with(_ logger: Logger, metadata: Logger.Metadata) -> Logger {
        var copy = logger
        for (key, value) in metadata { copy[metadataKey: key] = value }
        return copy
    }
}
