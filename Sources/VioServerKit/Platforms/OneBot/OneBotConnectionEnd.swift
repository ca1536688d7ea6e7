import HummingbirdWebSocket
import Logging
import OneBot
import OneBotHummingbird
import ServiceLifecycle
import VioCore

/// Why a OneBot connection ended, as its last log line says.
enum OneBotConnectionEnd: Sendable, Equatable {
    /// The peer closed the WebSocket or the TCP connection.
    case peerClosed
    /// A newer connection for the same account took over.
    case replaced
    /// vio-server is shutting down.
    case serverStopping
    /// The peer sent a message over `ONEBOT_MAX_FRAME_BYTES`; closed with 1009.
    case messageTooLarge(limit: Int)
    /// No heartbeat or other event for `tolerance` announced intervals: the peer is gone or stuck.
    case heartbeatsStopped(interval: Duration, tolerance: Int)
    /// A dialled peer neither answered `get_login_info` nor sent an event in time.
    case unidentified(within: Duration)
    /// Reading failed: a broken socket or a protocol error.
    case failed(String)

    /// Logs the end of a connection, at the level it deserves.
    func log(to logger: Logger) {
        switch self {
        case .peerClosed:
            logger.info("OneBot peer disconnected: it closed the connection")
        case .replaced:
            logger.info("OneBot peer disconnected: replaced by a newer connection for the same account")
        case .serverStopping:
            logger.info("OneBot peer disconnected: vio-server is shutting down")
        case .messageTooLarge(let limit):
            logger.error(
                "OneBot peer disconnected: it sent a message larger than ONEBOT_MAX_FRAME_BYTES (\(limit) bytes), refused with close code 1009; raise ONEBOT_MAX_FRAME_BYTES if the peer's messages are that large",
                metadata: ["limit": "\(limit)"])
        case .heartbeatsStopped(let interval, let tolerance):
            logger.warning("OneBot peer disconnected: nothing arrived for \(tolerance) heartbeat intervals of \(interval); the connection is taken for dead")
        case .unidentified(let within):
            logger.warning("OneBot peer disconnected: it neither answered get_login_info nor sent an event within \(within), so its account is unknown")
        case .failed(let reason):
            logger.warning("OneBot peer disconnected: reading failed", metadata: ["error": "\(reason)"])
        }
    }

    /// A short reason for `/ping` and the dialler's log.
    var summary: String {
        switch self {
        case .peerClosed: "the peer closed the connection"
        case .replaced: "replaced by a newer connection"
        case .serverStopping: "vio-server is shutting down"
        case .messageTooLarge(let limit): "a message over \(limit) bytes"
        case .heartbeatsStopped: "heartbeats stopped"
        case .unidentified: "the peer did not say its account"
        case .failed(let reason): reason
        }
    }
}

extension OneBotConnectionEnd {
    /// Runs `read` on a OneBot WebSocket until it ends, closes the socket with the code a reading
    /// error calls for, and says why the connection ended.
    static func reading(closing outbound: WebSocketOutboundWriter, _ read: () async throws -> Void) async -> OneBotConnectionEnd {
        do {
            try await read()
            return Task.isCancelled || Task.isShuttingDownGracefully ? .serverStopping : .peerClosed
        } catch {
            if let (code, reason) = OneBotFrameReader.closing(after: error) {
                try? await outbound.close(code, reason: reason)
            }
            switch error {
            case let error as OneBotFrameReader.MessageTooLarge: return .messageTooLarge(limit: error.limit)
            case let error as OneBotFrameReader.FragmentationError: return .failed(error.description)
            default: return Task.isCancelled ? .serverStopping : .failed(String(describing: error))
            }
        }
    }
}

extension Dispatcher {
    /// Serves a OneBot connection on a WebSocket until reading ends, closes the socket with the code
    /// a reading error calls for, and says why the connection ended.
    func serve<Frames>(_ connection: OneBotConnection<Frames>, closing outbound: WebSocketOutboundWriter) async -> OneBotConnectionEnd {
        await OneBotConnectionEnd.reading(closing: outbound) { try await serve(connection) }
    }
}
