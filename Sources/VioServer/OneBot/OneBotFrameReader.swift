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
/// fragmented messages, and refuses a message past `maxSize` (a single frame past it is refused
/// by NIO's frame decoder before its payload is read; both surface as ``MessageTooLarge``). Text
/// and binary messages are read alike: OneBot sends JSON either way.
///
/// ```swift
/// var reader = OneBotFrameReader(inbound, maxSize: 16 << 20)
/// while let frame = try await reader.next() {
///     if let event = client.receive(frame) { handle(event) }
/// }
/// ```
struct OneBotFrameReader {
    /// The peer sent a message larger than the limit; the connection is being closed with 1009.
    struct MessageTooLarge: Error, CustomStringConvertible {
        let limit: Int
        var description: String { "a message larger than \(limit) bytes" }
    }

    /// Frames that break RFC 6455's rules for fragmented messages.
    struct FragmentationError: Error, CustomStringConvertible {
        let description: String
    }

    private var frames: WebSocketInboundStream.AsyncIterator
    let maxSize: Int

    init(_ inbound: WebSocketInboundStream, maxSize: Int) {
        frames = inbound.makeAsyncIterator()
        self.maxSize = maxSize
    }

    /// The next message's bytes; `nil` once the peer has closed the connection.
    mutating func next() async throws -> Data? {
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

    private mutating func nextFrame() async throws -> WebSocketDataFrame? {
        do {
            return try await frames.next()
        } catch NIOWebSocketError.invalidFrameLength {
            throw MessageTooLarge(limit: maxSize)
        }
    }
}
