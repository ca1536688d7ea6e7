import Foundation
import HummingbirdWebSocket
import NIOCore
import NIOWebSocket
import OneBot
import VioCore

extension OneBotConnection where Frames == OneBotFrameReader {
    /// A OneBot connection over a Hummingbird WebSocket: messages up to `maxMessageSize` are read
    /// (``OneBotFrameReader``), calls are written as text frames.
    ///
    /// ```swift
    /// router.ws("/onebot") { inbound, outbound, context in
    ///     let peer = ReverseWebSocketHandshake.peer(headers: context.request.headers.map { ($0.name.rawName, $0.value) })
    ///     let connection = OneBotConnection(selfID: peer.selfID ?? 0, inbound: inbound, outbound: outbound, maxMessageSize: 16 << 20)
    ///     do {
    ///         try await dispatcher.serve(connection)
    ///     } catch {
    ///         if let (code, reason) = OneBotFrameReader.closing(after: error) { try? await outbound.close(code, reason: reason) }
    ///     }
    /// }
    /// ```
    public init(
        selfID: ID, inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter, maxMessageSize: Int,
        apiTimeout: Duration = .seconds(30), logger: any BotLogger = SilentLogger()
    ) {
        self.init(selfID: selfID, frames: OneBotFrameReader(inbound, maxSize: maxMessageSize), apiTimeout: apiTimeout, logger: logger) { frame in
            try await outbound.write(oneBotFrame: frame)
        }
    }
}

extension WebSocketOutboundWriter {
    /// Writes one OneBot request frame, JSON bytes as they are, as a text frame.
    ///
    /// ```swift
    /// try await outbound.write(oneBotFrame: SelfIDProbe.request)
    /// ```
    public func write(oneBotFrame frame: Data) async throws {
        try await write(.custom(WebSocketFrame(fin: true, opcode: .text, data: ByteBuffer(bytes: frame))))
    }
}
