import VioCore

extension RetryPolicy {
    /// How ``LongPolling`` waits after failed polls: a second, doubling to a minute, for as many
    /// failures in a row as it takes; flood control as long as Telegram asks (up to an hour, past
    /// which the wait is taken for a mistake and backed off instead).
    ///
    /// ```swift
    /// var policy = RetryPolicy.telegramLongPolling
    /// policy.maxRetries = 10   // stop polling, with the last error, after 11 failed polls in a row
    /// let updates = LongPolling(client: client, options: LongPolling.Options(retryPolicy: policy))
    /// ```
    public static let telegramLongPolling = RetryPolicy(
        maxRetries: .max, initialDelay: .seconds(1), maxDelay: .seconds(60),
        maxRetryAfter: .seconds(3600), whenRetryAfterTooLong: .backOff)
}
