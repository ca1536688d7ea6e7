/// What a caller's classifier makes of a failed attempt, for ``RetryPolicy`` to decide on.
///
/// ```swift
/// let classify: (any Error) -> RetryVerdict = { error in
///     switch error {
///     case TransportError.connectionFailed, TransportError.timedOut: .retry(after: nil)
///     case let error as MyAPIError where error.status == 429: .retry(after: error.retryAfter)
///     default: .giveUp
///     }
/// }
/// ```
public enum RetryVerdict: Hashable, Sendable {
    /// The failure is final: throw it.
    case giveUp
    /// Another attempt may succeed; `after` is the wait the server asked for, if it asked.
    case retry(after: Duration?)
}
