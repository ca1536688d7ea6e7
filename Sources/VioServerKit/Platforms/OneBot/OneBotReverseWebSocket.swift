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
/// Served at `/onebot/v11/ws` and at VioGo's `/ws`, and for split roles at `/onebot/v11/ws/event`
/// and `/onebot/v11/ws/api`. The server's handshake gate has checked the token and `X-Self-ID`
/// before the upgrade. `X-Client-Role` says what a socket carries, whatever its path:
/// - `Universal` (or none): events and actions; the socket is a ``OneBotConnection`` that the
///   dispatcher serves on the connection's own event loop;
/// - `Event`: events only; their actions go to the account's API socket (``APISocketCaller``);
/// - `API`: the responses to the actions sent on it, and nothing else.
///
/// Each runs until the peer leaves, a newer socket of the same account and role replaces it or the
/// server stops.
struct OneBotReverseWebSocket: ServerPlatform {
    static let paths = ["/onebot/v11/ws", "/ws", "/onebot/v11/ws/event", "/onebot/v11/ws/api"]
    let platform = Platform.onebot

    let connections: OneBotConnections
    let dispatcher: Dispatcher
    let apiTimeout: Duration
    /// The largest message a peer may send (`ONEBOT_MAX_FRAME_BYTES`).
    let maximumMessageSize: Int
    let logger: Logger

    var service: (any Service)? { nil }

    func connectedBots() async -> [ConnectedBot] {
        connections.connected.map { socket in
            ConnectedBot(
                platform: .onebot, account: socket.account, name: "QQ \(socket.account)", connection: "reverse WebSocket",
                implementation: socket.peer.implementation, since: socket.peer.since)
        }
    }

    func register(on router: Router<HTTPRouteContext>, webSocketRouter: Router<WebSocketRouteContext>) {
        for path in Self.paths {
            webSocketRouter.ws(RouterPath(path)) { inbound, outbound, context in
                let peer = ReverseWebSocketHandshake.peer(headers: context.request.headers.map { ($0.name.rawName, $0.value) })
                guard let selfID = peer.selfID else { return }
                let dialler = OneBotConnections.Peer(
                    implementation: OneBotConnections.implementation(fromUserAgent: context.request.headers[.userAgent]), since: Date())
                // The connection's reader and handlers run on its event loop: no thread hand-off per event.
                await withTaskExecutorPreference(EventLoopTaskExecutor(context.requestContext.eventLoop)) {
                    await serve(selfID: selfID, role: peer.role, peer: dialler, inbound: inbound, outbound: outbound)
                }
            }
        }
    }

    /// Runs one socket until the peer leaves, the socket is replaced or the server stops.
    func serve(
        selfID: ID, role: ReverseWebSocketHandshake.Role, peer: OneBotConnections.Peer, inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter
    ) async {
        let connectionLogger = Logger.with(logger, metadata: ["self_id": "\(selfID)"])
        let botLogger = SwiftLogBotLogger(logger: connectionLogger)
        let socket: OneBotConnections.Socket
        let reading: @Sendable () async -> OneBotConnectionEnd
        switch role {
        case .api:
            let client = OneBotClient(defaultTimeout: apiTimeout, logger: botLogger) { try await outbound.write(oneBotFrame: $0) }
            socket = .api(client)
            let frames = OneBotFrameReader(inbound, maxSize: maximumMessageSize)
            reading = { await OneBotConnectionEnd.reading(closing: outbound) { try await Self.readResponses(from: frames, into: client, logger: connectionLogger) } }
        case .universal, .event:
            var connection = OneBotConnection(
                selfID: selfID, inbound: inbound, outbound: outbound, maxMessageSize: maximumMessageSize,
                apiTimeout: apiTimeout, logger: botLogger)
            if role == .event {
                connection = connection.acting(through: APISocketCaller(account: selfID, connections: connections, defaultTimeout: apiTimeout))
            }
            socket = .events
            reading = { [dispatcher, connection] in await dispatcher.serve(connection, closing: outbound) }
        }
        let (replaced, replace) = AsyncStream.makeStream(of: Void.self)
        let registration = connections.add(selfID, socket, peer: peer) {
            replace.yield()
            replace.finish()
        }
        connectionLogger.info("OneBot peer connected", metadata: ["role": "\(role.rawValue)", "implementation": "\(peer.implementation ?? "unknown")"])

        // Whichever ends first, the reading or a replacement, says why the connection ends.
        let end = await withTaskGroup(of: OneBotConnectionEnd?.self) { group in
            group.addTask { await reading() }
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
        connections.remove(registration)
        end.log(to: Logger.with(connectionLogger, metadata: ["role": "\(role.rawValue)"]))
    }

    /// Reads an API socket: each response completes its call. Events have no place on it; they
    /// come on the Event socket, and are dropped here.
    private static func readResponses(from frames: OneBotFrameReader, into client: OneBotClient, logger: Logger) async throws {
        defer { client.connectionClosed() }
        for try await frame in frames {
            if client.receive(frame) != nil {
                logger.debug("dropped an event sent on an API socket; events are read from the Event socket")
            }
        }
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
