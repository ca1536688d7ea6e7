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

extension RetryVerdict {
    /// Whether to keep trying to reach Telegram after `error`, as ``LongPolling`` does: a refused or
    /// malformed token and a 409 Conflict (another poller, or a webhook) end it; flood control waits
    /// as long as Telegram asks; network, server and other failures are tried again.
    ///
    /// ```swift
    /// let me = try await RetryPolicy.telegramLongPolling.run { try await client.call(GetMe()) } classify: { .telegramPolling(after: $0) }
    /// ```
    public static func telegramPolling(after error: any Error) -> RetryVerdict {
        switch error {
        case is CancellationError, TelegramClientError.invalidToken:
            return .giveUp
        case let error as TelegramError:
            switch error.kind {
            case .badToken, .conflict: return .giveUp
            default: return .retry(after: error.retryAfter)
            }
        default:
            return .retry(after: nil)
        }
    }
}
