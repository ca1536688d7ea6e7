import NIOCore
import NIOHTTP1
import NIOWebSocket
import Synchronization

/// Notices when NIO's WebSocket frame decoder refuses a frame over the size limit, so the
/// connection can say so: the decoder's error handler sends close code 1009 and closes the channel
/// at once, and the reading loop then sees only the end of its stream.
///
/// Added at the end of the HTTP pipeline, it waits for the WebSocket upgrade, then moves itself
/// right behind the frame decoder, before any frame is decoded; on a plain HTTP connection it
/// steps out at the first request. The server channel hands its ``Record`` to the connection's
/// task as ``current``, where ``OneBotFrameReader`` reads it when its stream ends.
final class OversizedFrameDetector: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = NIOAny

    /// Whether the decoder refused a frame on this connection.
    final class Record: Sendable {
        private let refused = Atomic(false)
        var refusedAFrame: Bool { refused.load(ordering: .acquiring) }
        fileprivate func markRefused() { refused.store(true, ordering: .releasing) }
    }

    let record: Record
    private var watching = false

    init(record: Record = Record()) {
        self.record = record
    }

    /// The record of the connection the current task serves.
    @TaskLocal static var current: Record?

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        context.fireChannelRead(data)
        if !watching {
            // A request reached the end of the HTTP pipeline: no upgrade on this connection.
            context.pipeline.syncOperations.removeHandler(context: context, promise: nil)
        }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if !watching, case HTTPServerUpgradeEvents.upgradeComplete = event {
            let operations = context.pipeline.syncOperations
            if let decoder = try? operations.handler(type: ByteToMessageHandler<WebSocketFrameDecoder>.self) {
                let watcher = OversizedFrameDetector(record: record)
                watcher.watching = true
                try? operations.addHandler(watcher, position: .after(decoder))
            }
            context.fireUserInboundEventTriggered(event)
            operations.removeHandler(context: context, promise: nil)
            return
        }
        context.fireUserInboundEventTriggered(event)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if watching, case NIOWebSocketError.invalidFrameLength = error {
            record.markRefused()
        }
        context.fireErrorCaught(error)
    }
}
