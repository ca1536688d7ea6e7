import Foundation

/// When and how long to wait before trying a failed operation again. A pure value: it decides, the
/// loop in ``run(isolation:environment:_:classify:onRetry:)`` performs, so every rule is a unit test.
///
/// After a failure the caller's classifier says whether it is worth another attempt and how long the
/// server asked to wait (a ``RetryVerdict``). The policy then waits what the server asked when that
/// is more than zero and at most ``maxRetryAfter``; a longer request gives up or falls back to the
/// backoff, as ``whenRetryAfterTooLong`` says. Otherwise it backs off exponentially: ``initialDelay``,
/// times ``multiplier`` per retry, up to ``maxDelay``, less a random part of ``jitter``.
///
/// ```swift
/// var policy = RetryPolicy(maxRetries: 4, initialDelay: .seconds(1), maxDelay: .seconds(30), jitter: 0.25)
/// policy.delay(after: .retry(after: nil), retriesSoFar: 0, random: 0)           // 1 second
/// policy.delay(after: .retry(after: .seconds(5)), retriesSoFar: 3, random: 0)   // 5 seconds, as asked
/// policy.delay(after: .giveUp, retriesSoFar: 0, random: 0)                      // nil: throw
/// ```
public struct RetryPolicy: Hashable, Sendable {
    /// What to do when the server asks for a wait longer than ``RetryPolicy/maxRetryAfter``.
    public enum LongRetryAfter: Hashable, Sendable {
        /// Throw the error, so the caller learns how long the server wants (Telegram's flood control).
        case giveUp
        /// Ignore the server's wait and back off as usual (the official OpenAI SDKs).
        case backOff
    }

    /// Retries after the first attempt; 0 disables retrying.
    public var maxRetries: Int
    /// The backoff before the first retry.
    public var initialDelay: Duration
    /// The longest backoff.
    public var maxDelay: Duration
    /// How much the backoff grows per retry; at least 1.
    public var multiplier: Double
    /// The fraction of the backoff taken off at random, `0...1`: 0.25 waits 75% to 100% of it.
    public var jitter: Double
    /// The longest server-requested wait that is honoured as it is.
    public var maxRetryAfter: Duration
    /// What a longer server-requested wait means.
    public var whenRetryAfterTooLong: LongRetryAfter

    public init(
        maxRetries: Int = 2, initialDelay: Duration = .milliseconds(500), maxDelay: Duration = .seconds(8),
        multiplier: Double = 2, jitter: Double = 0, maxRetryAfter: Duration = .seconds(60),
        whenRetryAfterTooLong: LongRetryAfter = .backOff
    ) {
        self.maxRetries = maxRetries
        self.initialDelay = initialDelay
        self.maxDelay = maxDelay
        self.multiplier = multiplier
        self.jitter = jitter
        self.maxRetryAfter = maxRetryAfter
        self.whenRetryAfterTooLong = whenRetryAfterTooLong
    }

    /// No retries: the first failure is thrown.
    public static let never = RetryPolicy(maxRetries: 0)

    /// How long to wait before the next attempt; `nil` means give up and throw.
    ///
    /// - Parameters:
    ///   - verdict: what the caller's classifier made of the failure.
    ///   - retriesSoFar: retries already made (0 after the first attempt failed).
    ///   - random: a number in `0..<1` that picks the jitter; 0 waits the full backoff.
    public func delay(after verdict: RetryVerdict, retriesSoFar: Int, random: Double) -> Duration? {
        guard retriesSoFar < maxRetries, case .retry(let asked) = verdict else { return nil }
        if let asked, asked > .zero {
            if asked <= maxRetryAfter { return asked }
            if whenRetryAfterTooLong == .giveUp { return nil }
        }
        return backoff(afterRetries: retriesSoFar, random: random)
    }

    /// The backoff before retry number `retriesSoFar + 1`: ``initialDelay`` grown ``multiplier``
    /// times per retry so far, capped at ``maxDelay``, less `random` times the ``jitter`` fraction.
    ///
    /// ```swift
    /// let policy = RetryPolicy(initialDelay: .seconds(1), maxDelay: .seconds(30))
    /// policy.backoff(afterRetries: 3, random: 0)   // 8 seconds
    /// ```
    public func backoff(afterRetries retriesSoFar: Int, random: Double) -> Duration {
        let full: Duration
        if initialDelay <= .zero {
            full = .zero
        } else {
            let growth = pow(max(multiplier, 1), Double(max(retriesSoFar, 0)))
            full = growth < maxDelay / initialDelay ? initialDelay * growth : maxDelay
        }
        return full * (1 - jitter.clamped(to: 0...1) * random.clamped(to: 0...1))
    }
}

extension Double {
    fileprivate func clamped(to range: ClosedRange<Double>) -> Double {
        isNaN ? range.lowerBound : Swift.min(Swift.max(self, range.lowerBound), range.upperBound)
    }
}
