import Foundation
import Synchronization
import VioCore

/// A retry environment for tests: every wait returns at once (after checking for cancellation) and
/// is remembered; the time and the jitter's randomness are fixed.
///
/// ```swift
/// let waits = RecordingRetryEnvironment(random: 0)
/// let client = OpenAIClient(configuration: configuration, transport: transport, environment: waits.environment)
/// _ = try await client.chat(request)
/// #expect(waits.waits == [.milliseconds(500)])
/// ```
public final class RecordingRetryEnvironment: Sendable {
    /// The fixed time, Tue, 14 Nov 2023 22:13:20 GMT.
    public static let now = Date(timeIntervalSince1970: 1_700_000_000)
    private let recorded = Mutex<[Duration]>([])
    private let random: Double

    /// - Parameter random: what the environment's randomness always returns, in `0..<1`.
    public init(random: Double = 0) {
        self.random = random
    }

    /// The waits asked for so far.
    public var waits: [Duration] { recorded.withLock { $0 } }

    public var environment: RetryEnvironment {
        RetryEnvironment(
            sleep: { duration in
                try Task.checkCancellation()
                self.recorded.withLock { $0.append(duration) }
            },
            now: { Self.now },
            random: { self.random })
    }
}
