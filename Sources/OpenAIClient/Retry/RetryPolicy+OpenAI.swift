import VioCore

extension RetryPolicy {
    /// The official OpenAI SDKs' retries, what ``OpenAIClient/Configuration`` starts with: two
    /// retries; the wait the server asks for (`retry-after-ms`, `Retry-After`) when that is more than
    /// zero and at most a minute, otherwise half a second doubling to eight seconds, less up to 25%
    /// jitter.
    ///
    /// Which failures are retried is the client's rule, not the policy's: connection failures,
    /// timeouts, 408, 409, 429 and 5xx, unless the server's `x-should-retry: true|false` says
    /// otherwise. A stream that broke after its data started, and a response over the size limit,
    /// are never retried.
    ///
    /// ```swift
    /// var configuration = OpenAIClient.Configuration(apiKey: key)
    /// configuration.retryPolicy = .openAI
    /// configuration.retryPolicy.maxRetries = 4
    /// configuration.retryPolicy = .never
    /// ```
    public static let openAI = RetryPolicy(
        maxRetries: 2, initialDelay: .milliseconds(500), maxDelay: .seconds(8), jitter: 0.25,
        maxRetryAfter: .seconds(60), whenRetryAfterTooLong: .backOff)
}
