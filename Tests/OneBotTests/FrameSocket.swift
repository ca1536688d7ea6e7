import Foundation
import OneBot
import VioCore

/// The client's end of a fake socket: what the client writes comes out of ``frames``, in order.
final class FrameSocket: Sendable {
    let frames: AsyncStream<Data>
    private let input: AsyncStream<Data>.Continuation

    init() {
        (frames, input) = AsyncStream.makeStream(of: Data.self)
    }

    /// A client that writes to this socket.
    func client(defaultTimeout: Duration = .seconds(30), logger: any BotLogger = SilentLogger()) -> OneBotClient {
        OneBotClient(defaultTimeout: defaultTimeout, logger: logger) { [input] frame in input.yield(frame) }
    }

    /// Ends ``frames``: the socket is closed.
    func close() {
        input.finish()
    }
}

extension OneBotClient {
    /// A client for tests that never make calls (adapters that only map events): it writes nowhere.
    static func unconnected() -> OneBotClient {
        OneBotClient { _ in }
    }
}
