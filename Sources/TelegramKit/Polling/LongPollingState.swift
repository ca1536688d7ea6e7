import VioCore

/// The bookkeeping of a long poller as a plain state machine: the offset to confirm with, and how
/// to react to a failed poll. No I/O: ``LongPolling`` performs what it returns.
///
/// ```swift
/// var state = LongPollingState(retryPolicy: .telegramLongPolling)
/// let updates = state.received(batch)      // offset now past the batch
/// switch state.failed(error, random: 0) { case .retry(after: let delay): …; case .stop(let fatal): … }
/// ```
public struct LongPollingState: Sendable {
    /// What to do after a failed poll.
    public enum Reaction: Sendable {
        /// Poll again after this long.
        case retry(after: Duration)
        /// Polling cannot go on (bad token, another poller or a webhook, or more failures in a row
        /// than the policy allows); report this error.
        case stop(any Error)
    }

    /// The offset of the next poll: one past the last update seen. `nil` until the first batch.
    public private(set) var offset: Int64?
    /// Failed polls since the last success.
    public private(set) var consecutiveFailures = 0
    public let retryPolicy: RetryPolicy

    public init(offset: Int64? = nil, retryPolicy: RetryPolicy) {
        self.offset = offset
        self.retryPolicy = retryPolicy
    }

    /// Takes a batch in: moves the offset past every update in it, decoded or not, and returns the
    /// decoded ones in order.
    public mutating func received(_ batch: UpdateBatch) -> [Update] {
        consecutiveFailures = 0
        if let next = batch.nextOffset, next > offset ?? .min { offset = next }
        return batch.updates.sorted { $0.id < $1.id }
    }

    /// Decides what a failed poll means: configuration errors stop, the rest back off (flood control
    /// as long as Telegram asks) until the policy's `maxRetries` failures in a row.
    ///
    /// - Parameter random: a number in `0..<1` for the policy's jitter.
    public mutating func failed(_ error: any Error, random: Double) -> Reaction {
        let delay = retryPolicy.delay(after: .telegramPolling(after: error), retriesSoFar: consecutiveFailures, random: random)
        consecutiveFailures += 1
        return delay.map { .retry(after: $0) } ?? .stop(error)
    }
}
