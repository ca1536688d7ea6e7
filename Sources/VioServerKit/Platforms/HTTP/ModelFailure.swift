import Hummingbird
import Logging
import OpenAIClient

/// How the HTTP chat endpoints report a failed model call: a status the client can act on (429 with
/// the provider's wait, 504 for a timeout, 502 otherwise), the short message a chat user would get,
/// and the detail for the log.
struct ModelFailure: Error {
    let status: HTTPResponse.Status
    let message: String
    let retryAfter: Duration?
    let detail: String

    /// `error` as a failure, its detail logged as the endpoint `path`'s.
    init(_ error: any Error, at path: String, loggingTo logger: Logger) {
        self.init(error)
        logger.warning("\(path): \(detail)")
    }

    init(_ error: any Error) {
        detail = "\(error)"
        guard let error = error as? FeatureError else {
            (status, message, retryAfter) = (.internalServerError, FeatureTexts.Model.failed, nil)
            return
        }
        message = error.userMessage
        switch error {
        case .modelFailed(.http(429, _, _, let wait)): (status, retryAfter) = (.tooManyRequests, wait)
        case .modelFailed(.timedOut): (status, retryAfter) = (.gatewayTimeout, nil)
        default: (status, retryAfter) = (.badGateway, nil)
        }
    }

    /// `Retry-After` in whole seconds, when the provider named a wait.
    var headers: HTTPFields {
        guard let retryAfter else { return [:] }
        return [.retryAfter: "\(retryAfter.retryAfterSeconds)"]
    }
}
