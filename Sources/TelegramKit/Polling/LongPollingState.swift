/// The bookkeeping of a long poller as a plain state machine: the offset to confirm with, and how
/// to react to a failed poll. No I/O: ``LongPolling`` performs what it returns.
///
/// ```swift
/// var state = LongPollingState(backoff: Backoff(initial: .seconds(1), maximum: .seconds(30)))
/// let updates = state.received(batch)      // offset now past the batch
/// switch state.failed(error) { case .retry(after: let delay): …; case .stop(let fatal): … }
/// ```
public struct LongPollingState: Sendable {
    /// What to do after a failed poll.
    public enum Reaction: Sendable {
        /// Poll again after this long.
        case retry(after: Duration)
        /// Polling cannot go on (bad token, another poller or a webhook); report this error.
        case stop(any Error)
    }

    /// The offset of the next poll: one past the last update seen. `nil` until the first batch.
    public private(set) var offset: Int64?
    /// Failed polls since the last success.
    public private(set) var consecutiveFailures = 0
    public let backoff: Backoff

    public init(offset: Int64? = nil, backoff: Backoff) {
        self.offset = offset
        self.backoff = backoff
    }

    /// Takes a batch in: moves the offset past every update in it, decoded or not, and returns the
    /// decoded ones in order.
    public mutating func received(_ batch: UpdateBatch) -> [Update] {
        consecutiveFailures = 0
        if let next = batch.nextOffset, next > offset ?? .min { offset = next }
        return batch.updates.sorted { $0.id < $1.id }
    }

    /// Decides what a failed poll means: configuration errors stop, the rest back off.
    public mutating func failed(_ error: any Error) -> Reaction {
        consecutiveFailures += 1
        if let telegramError = error as? TelegramError {
            switch telegramError.kind {
            case .badToken, .conflict:
                return .stop(telegramError)
            case .floodControl:
                return .retry(after: telegramError.retryAfter ?? backoff.delay(forAttempt: consecutiveFailures))
            default:
                break
            }
        }
        if case TelegramClientError.invalidToken = error { return .stop(error) }
        return .retry(after: backoff.delay(forAttempt: consecutiveFailures))
    }
}
