import Foundation
import Hummingbird
import HummingbirdWebSocket
import Logging
import OneBot
import OneBotHummingbird
import ServiceLifecycle
import VioCore

/// The OneBot v11 reverse WebSocket endpoint: NapCat, go-cqhttp, Lagrange.OneBot and LLOneBot dial in.
///
/// Served at `/onebot/v11/ws` and at VioGo's `/ws`. The server's handshake gate has checked the
/// token and `X-Self-ID` before the upgrade; each connection is then a ``OneBotConnection`` that the
/// dispatcher serves on the connection's own event loop, until the peer leaves, a newer connection
/// for the same account replaces it or the server stops.
struct OneBotReverseWebSocket: ServerPlatform {
    static let paths = ["/onebot/v11/ws", "/ws"]
    let platform = Platform.onebot

    let connections: OneBotConnections
    let dispatcher: Dispatcher
    let apiTimeout: Duration
    /// The largest message a peer may send (`ONEBOT_MAX_FRAME_BYTES`).
    let maximumMessageSize: Int
    let logger: Logger

    var service: (any Service)? { nil }

    func connectedBots() async -> [String] {
        connections.connectedAccounts.map { "QQ \($0)" }
    }

    func register(on router: Router<HTTPRouteContext>, webSocketRouter: Router<WebSocketRouteContext>) {
        for path in Self.paths {
            webSocketRouter.ws(RouterPath(path)) { inbound, outbound, context in
                let peer = ReverseWebSocketHandshake.peer(headers: context.request.headers.map { ($0.name.rawName, $0.value) })
                guard let selfID = peer.selfID else { return }
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
        let connection = OneBotConnection(
            selfID: selfID, inbound: inbound, outbound: outbound, maxMessageSize: maximumMessageSize,
            apiTimeout: apiTimeout, logger: SwiftLogBotLogger(logger: connectionLogger))
        let (replaced, replace) = AsyncStream.makeStream(of: Void.self)
        let number = connections.add(selfID) {
            replace.yield()
            replace.finish()
        }
        connectionLogger.info("OneBot peer connected", metadata: ["role": "\(role.rawValue)"])

        // Whichever ends first, the reading or a replacement, says why the connection ends.
        let end = await withTaskGroup(of: OneBotConnectionEnd?.self) { group in
            group.addTask { await dispatcher.serve(connection, closing: outbound) }
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
        connections.remove(selfID, number: number)
        end.log(to: connectionLogger)
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
