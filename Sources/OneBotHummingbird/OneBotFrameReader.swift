import Foundation
import HummingbirdWebSocket
import NIOCore
import NIOFoundationCompat
import NIOWebSocket

/// Reads a OneBot peer's messages off its WebSocket: each message is one JSON document, handed
/// over as the bytes the frame arrived with.
///
/// HummingbirdWebSocket's `messages(maxSize:)` turns each text message into a `String`, which the
/// OneBot decoder would copy back into bytes: two copies of every multi-megabyte frame beyond the
/// one NIO makes when it unmasks it. This reader hands over the unmasked frame itself, joins
/// fragmented messages, and refuses a message past `maxSize`. A single frame past the limit is
/// refused by NIO's frame decoder before its payload is read (set the server's `maxFrameSize` to
/// the same limit, as ``HummingbirdCore/HTTPServerBuilder/oneBot(webSocketRouter:handshake:paths:maxFrameSize:)``
/// does); both surface here as ``MessageTooLarge``. Text and binary messages are read alike: OneBot
/// sends JSON either way.
///
/// ```swift
/// var frames = OneBotFrameReader(inbound, maxSize: 16 << 20)
/// do {
///     while let frame = try await frames.next() {
///         if let event = client.receive(frame) { handle(event) }
///     }
/// } catch let error as OneBotFrameReader.MessageTooLarge {
///     logger.error("refused \(error); raise ONEBOT_MAX_FRAME_BYTES if messages this large are expected")
///     try? await outbound.close(.messageTooLarge, reason: nil)
/// }
/// ```
public struct OneBotFrameReader {
    /// The peer sent a message larger than the limit. When the frame decoder refused it, the
    /// connection is already closed with 1009; otherwise close it with `.messageTooLarge`.
    public struct MessageTooLarge: Error, CustomStringConvertible {
        public let limit: Int
        public var description: String { "a message larger than \(limit) bytes" }
    }

    /// Frames that break RFC 6455's rules for fragmented messages; close with `.protocolError`.
    public struct FragmentationError: Error, CustomStringConvertible {
        public let description: String
    }

    private var frames: WebSocketInboundStream.AsyncIterator
    /// The largest message read.
    public let maxSize: Int

    public init(_ inbound: WebSocketInboundStream, maxSize: Int) {
        frames = inbound.makeAsyncIterator()
        self.maxSize = maxSize
    }

    /// The next message's bytes; `nil` once the peer has closed the connection.
    public mutating func next() async throws -> Data? {
        guard let first = try await nextFrame() else { return nil }
        guard first.opcode != .continuation else { throw FragmentationError(description: "a continuation frame without a message to continue") }
        if first.fin { return Data(buffer: first.data) }
        var message = first.data
        while let frame = try await nextFrame() {
            guard frame.opcode == .continuation else { throw FragmentationError(description: "a new message before the previous one was finished") }
            guard message.readableBytes + frame.data.readableBytes <= maxSize else { throw MessageTooLarge(limit: maxSize) }
            var data = frame.data
            message.writeBuffer(&data)
            if frame.fin { return Data(buffer: message) }
        }
        return nil
    }

    /// The next frame; when the stream ends because the frame decoder refused a frame, that refusal.
    private mutating func nextFrame() async throws -> WebSocketDataFrame? {
        do {
            if let frame = try await frames.next() { return frame }
        } catch NIOWebSocketError.invalidFrameLength {
            throw MessageTooLarge(limit: maxSize)
        }
        if OversizedFrameDetector.current?.refusedAFrame == true { throw MessageTooLarge(limit: maxSize) }
        return nil
    }
}
