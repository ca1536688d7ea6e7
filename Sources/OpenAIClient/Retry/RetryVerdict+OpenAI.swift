import Foundation
import VioCore

extension RetryVerdict {
    /// The official SDKs' rule for an error status: 408, 409, 429 and 5xx are worth another attempt,
    /// unless the server's `x-should-retry: true|false` says otherwise; the wait is what
    /// `retry-after-ms` or `Retry-After` asks for.
    static func openAI(status: Int, headers: HTTPHeaders, now: Date) -> RetryVerdict {
        let retryable = switch headers["x-should-retry"]?.lowercased() {
        case "true": true
        case "false": false
        default: status == 408 || status == 409 || status == 429 || status >= 500
        }
        return retryable ? .retry(after: headers.retryAfter(now: now)) : .giveUp
    }

    /// Any failure of an attempt: connection failures and timeouts are retried, error statuses as
    /// judged when they came; a response over the size limit would be as large again, and a
    /// cancelled call is over.
    static func openAI(for error: any Error) -> RetryVerdict {
        switch error {
        case let rejected as RejectedResponse: rejected.verdict
        case TransportError.connectionFailed, TransportError.timedOut: .retry(after: nil)
        default: .giveUp
        }
    }
}
