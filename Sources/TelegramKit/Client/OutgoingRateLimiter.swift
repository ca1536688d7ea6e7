/// Paces sends to stay under Telegram's limits, so a busy bot does not run into 429 storms.
///
/// Opt in by giving one to the client; every call that posts to a chat waits its turn:
///
/// ```swift
/// let client = TelegramClient(token: token, transport: transport, rateLimiter: OutgoingRateLimiter())
/// ```
public actor OutgoingRateLimiter {
    private var state: OutgoingRateLimit
    private let now: @Sendable () -> ContinuousClock.Instant
    private let sleep: @Sendable (Duration) async throws -> Void

    /// - Parameters:
    ///   - now: the clock sends are paced on; tests pass one they move by hand.
    ///   - sleep: how to wait for a turn; throws `CancellationError` when the task is cancelled.
    public init(
        limits: OutgoingRateLimit.Limits = OutgoingRateLimit.Limits(),
        now: @escaping @Sendable () -> ContinuousClock.Instant = { ContinuousClock.now },
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }
    ) {
        self.state = OutgoingRateLimit(limits: limits)
        self.now = now
        self.sleep = sleep
    }

    /// Holds sends to `chat` for `duration`, after Telegram answered one of them with 429.
    public func hold(_ chat: ChatTarget, for duration: Duration) {
        state.hold(chat, until: now() + duration)
    }

    /// Returns when a send to `chat` may go, and counts it.
    ///
    /// - Throws: `CancellationError` when the task is cancelled while waiting.
    public func acquire(for chat: ChatTarget) async throws {
        while true {
            switch state.reserve(chat, at: now()) {
            case .send: return
            case .wait(let delay): try await sleep(delay)
            }
        }
    }
}
