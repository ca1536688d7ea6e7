import Foundation
import VioCore

/// When and how long to wait before trying a failed request again; a pure value, so every rule is a
/// unit test. ``OpenAIClient`` asks it after each failed attempt and performs what it decides.
///
/// The rules follow the official SDKs: connection failures, timeouts, 408, 409, 429 and 5xx are
/// retried, other statuses are not; a server's `x-should-retry: true|false` overrides that. The wait
/// is what `retry-after-ms` or `Retry-After` (seconds or an HTTP date) asks for when that is more
/// than zero and at most ``maxRetryAfter``; otherwise exponential backoff from ``initialDelay``,
/// doubling per retry up to ``maxDelay``, less up to 25% jitter. A stream that broke after its data
/// started is never retried, since part of the answer was already handed out.
///
/// ```swift
/// var configuration = OpenAIClient.Configuration(apiKey: key)
/// configuration.retryPolicy = RetryPolicy(maxRetries: 4)
/// configuration.retryPolicy = .never
/// ```
public struct RetryPolicy: Hashable, Sendable {
    /// Retries after the first attempt; 0 disables retrying.
    public var maxRetries: Int
    public var initialDelay: Duration
    public var maxDelay: Duration
    /// The longest server-requested wait that is honoured as it is.
    public var maxRetryAfter: Duration

    public init(maxRetries: Int = 2, initialDelay: Duration = .milliseconds(500), maxDelay: Duration = .seconds(8),
                maxRetryAfter: Duration = .seconds(60)) {
        self.maxRetries = maxRetries
        self.initialDelay = initialDelay
        self.maxDelay = maxDelay
        self.maxRetryAfter = maxRetryAfter
    }

    /// Two retries, half a second growing to eight seconds: the official SDKs' defaults.
    public static let standard = RetryPolicy()
    /// No retries.
    public static let never = RetryPolicy(maxRetries: 0)

    /// How an attempt failed.
    public enum Failure: Hashable, Sendable {
        /// No connection, or it broke before a response.
        case connection
        case timeout
        /// The server answered with an error status.
        case status(Int, HTTPHeaders)
        /// A streamed response broke after its data had started.
        case streamInterrupted
    }

    /// What to do after a failed attempt.
    public enum Decision: Hashable, Sendable {
        case retry(after: Duration)
        case giveUp
    }

    /// The decision after `failure`, when `retriesSoFar` retries have been made.
    /// - Parameters:
    ///   - now: the current time, for a `Retry-After` date.
    ///   - jitter: a random number in `0..<1`; 0 waits the full backoff.
    public func decision(after failure: Failure, retriesSoFar: Int, now: Date, jitter: Double) -> Decision {
        guard retriesSoFar < maxRetries, isRetryable(failure) else { return .giveUp }
        if case .status(_, let headers) = failure, let wait = Self.retryAfter(in: headers, now: now),
           wait > .zero, wait <= maxRetryAfter {
            return .retry(after: wait)
        }
        return .retry(after: backoff(afterRetries: retriesSoFar, jitter: jitter))
    }

    /// Whether the failure is worth another attempt at all.
    public func isRetryable(_ failure: Failure) -> Bool {
        switch failure {
        case .connection, .timeout:
            return true
        case .streamInterrupted:
            return false
        case .status(let status, let headers):
            switch headers["x-should-retry"]?.lowercased() {
            case "true": return true
            case "false": return false
            default: return status == 408 || status == 409 || status == 429 || status >= 500
            }
        }
    }

    /// The backoff before retry number `retriesSoFar + 1`.
    public func backoff(afterRetries retriesSoFar: Int, jitter: Double) -> Duration {
        let doubled = initialDelay * Double(1 << min(max(retriesSoFar, 0), 30))
        let capped = min(doubled, maxDelay)
        return capped * (1 - 0.25 * min(max(jitter, 0), 1))
    }
}
