/// When ``TelegramClient`` repeats a failed call: after flood control (429) as long as Telegram
/// asks, and after server errors (5xx) with a growing wait. Other failures are thrown at once.
///
/// ```swift
/// var policy = RetryPolicy()
/// policy.maxAttempts = 5
/// policy.maxRetryAfter = .seconds(120)   // a longer flood wait is thrown to the caller
/// ```
public struct RetryPolicy: Hashable, Sendable {
    /// Attempts in all, the first included.
    public var maxAttempts: Int
    /// The longest flood-control wait the client sits out; a longer one is thrown as the error.
    public var maxRetryAfter: Duration
    /// Waits after server errors, and after a 429 without `retry_after`.
    public var backoff: Backoff

    public init(maxAttempts: Int = 3, maxRetryAfter: Duration = .seconds(60), backoff: Backoff = Backoff(initial: .milliseconds(500), maximum: .seconds(10))) {
        self.maxAttempts = maxAttempts
        self.maxRetryAfter = maxRetryAfter
        self.backoff = backoff
    }

    /// Never retry.
    public static let never = RetryPolicy(maxAttempts: 1)

    /// How long to wait before attempt `attempt + 1` after `error`; `nil` means give up and throw.
    public func delay(after error: TelegramError, attempt: Int) -> Duration? {
        guard attempt < maxAttempts else { return nil }
        switch error.kind {
        case .floodControl:
            guard let retryAfter = error.retryAfter else { return backoff.delay(forAttempt: attempt) }
            return retryAfter <= maxRetryAfter ? retryAfter : nil
        case .serverError:
            return backoff.delay(forAttempt: attempt)
        default:
            return nil
        }
    }
}
