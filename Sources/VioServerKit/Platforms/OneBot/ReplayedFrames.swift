import Foundation
import OneBotHummingbird

/// A connection's frames after some were already read: those first, then the rest of the socket.
/// The forward WebSocket reads frames until it knows the account (``OneBot/SelfIDProbe``), then
/// hands the connection these.
struct ReplayedFrames: AsyncSequence {
    typealias Element = Data

    let early: [Data]
    let rest: OneBotFrameReader.AsyncIterator

    func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(early: early[...], rest: rest)
    }

    struct AsyncIterator: AsyncIteratorProtocol {
        var early: ArraySlice<Data>
        var rest: OneBotFrameReader.AsyncIterator

        mutating func next() async throws -> Data? {
            if let frame = early.popFirst() { return frame }
            return try await rest.next()
        }
    }
}
