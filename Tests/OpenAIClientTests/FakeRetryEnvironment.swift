import Foundation
import OpenAIClient
import Synchronization

/// A retry environment that never sleeps: it records each wait and returns at once, at a fixed time,
/// with a fixed jitter.
final class FakeRetryEnvironment: Sendable {
    static let now = Date(timeIntervalSince1970: 1_700_000_000)
    private let recorded = Mutex<[Duration]>([])
    private let jitter: Double

    init(jitter: Double = 0) {
        self.jitter = jitter
    }

    /// The waits asked for so far.
    var waits: [Duration] { recorded.withLock { $0 } }

    var environment: RetryEnvironment {
        RetryEnvironment(
            sleep: { duration in self.recorded.withLock { $0.append(duration) } },
            now: { Self.now },
            jitter: { self.jitter })
    }
}
