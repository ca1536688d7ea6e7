import Foundation
import HummingbirdWebSocket
import NIOCore
import NIOFoundationCompat
import NIOWebSocket

/// A OneBot peer's messages off its WebSocket: each message is one JSON document, handed over as
/// the bytes the frame arrived with.
///
/// HummingbirdWebSocket's `messages(maxSize:)` turns each text message into a `String`, which the
/// OneBot decoder would copy back into bytes: two copies of every multi-megabyte frame beyond the
/// one NIO makes when it unmasks it. This sequence hands over the unmasked frame itself, joins
/// fragmented messages, and refuses a message past `maxSize`. A single frame past the limit is
/// refused by NIO's frame decoder before its payload is read (set the server's `maxFrameSize` to
/// the same limit, as ``HummingbirdCore/HTTPServerBuilder/oneBot(webSocketRouter:handshake:paths:maxFrameSize:)``
/// does); both surface here as ``MessageTooLarge``. Text and binary messages are read alike: OneBot
/// sends JSON either way. ``OneBotConnection/init(selfID:inbound:outbound:maxMessageSize:apiTimeout:logger:)``
/// reads a connection with it.
///
/// ```swift
/// do {
///     for try await frame in OneBotFrameReader(inbound, maxSize: 16 << 20) {
///         if let event = client.receive(frame) { handle(event) }
///     }
/// } catch {
///     if let (code, reason) = OneBotFrameReader.closing(after: error) { try? await outbound.close(code, reason: reason) }
/// }
/// ```
public struct OneBotFrameReader: AsyncSequence, Sendable {
    public typealias Element = Data

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

    private let inbound: WebSocketInboundStream
    /// The largest message read.
    public let maxSize: Int

    public init(_ inbound: WebSocketInboundStream, maxSize: Int) {
        self.inbound = inbound
        self.maxSize = maxSize
    }

    /// The close code and reason a reading error calls for: 1009 for a message over the limit, 1002
    /// for broken fragments; `nil` for other errors (the socket is gone).
    public static func closing(after error: any Error) -> (code: WebSocketErrorCode, reason: String)? {
        switch error {
        case is MessageTooLarge: (.messageTooLarge, "message over the size limit")
        case let error as FragmentationError: (.protocolError, error.description)
        default: nil
        }
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(frames: inbound.makeAsyncIterator(), maxSize: maxSize)
    }

    public struct AsyncIterator: AsyncIteratorProtocol {
        var frames: WebSocketInboundStream.AsyncIterator
        let maxSize: Int

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
}
