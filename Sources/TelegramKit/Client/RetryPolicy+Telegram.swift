import VioCore

extension RetryPolicy {
    /// How ``TelegramClient`` repeats a failed call: three attempts in all, flood control (429)
    /// waited out as long as Telegram asks up to a minute (a longer wait is thrown to the caller, who
    /// can see ``TelegramError/retryAfter``), server errors (5xx) after half a second growing to ten.
    /// Other failures are thrown at once.
    ///
    /// ```swift
    /// var policy = RetryPolicy.telegram
    /// policy.maxRetries = 4
    /// policy.maxRetryAfter = .seconds(120)
    /// let client = TelegramClient(token: token, transport: transport, retryPolicy: policy)
    /// ```
    public static let telegram = RetryPolicy(
        maxRetries: 2, initialDelay: .milliseconds(500), maxDelay: .seconds(10),
        maxRetryAfter: .seconds(60), whenRetryAfterTooLong: .giveUp)
}
