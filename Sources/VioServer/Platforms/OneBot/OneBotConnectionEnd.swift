import Logging

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
        case .failed(let reason):
            logger.warning("OneBot peer disconnected: reading failed", metadata: ["error": "\(reason)"])
        }
    }
}
