import Foundation
import VioCore

/// Why a chat completion or model listing failed. Every error the client throws is one of these.
///
/// The text says what failed and what to do; it never holds the API key (excerpts and provider
/// messages are scrubbed of it).
///
/// ```swift
/// do {
///     _ = try await client.chat(request)
/// } catch OpenAIError.http(status: 401, _, _, _) {
///     print("check OPENAI_API_KEY")
/// }
/// ```
public enum OpenAIError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The endpoint answered with an error status. `provider` is the error it described, `excerpt`
    /// the start of the body when it described none; `retryAfter` is how long it asked us to wait.
    case http(status: Int, provider: ProviderError?, excerpt: String, retryAfter: Duration?)
    /// The stream reported an error after it had started.
    case stream(ProviderError)
    /// The endpoint could not be reached, or the connection broke.
    case connectionFailed(host: String, reason: String)
    /// The endpoint did not answer in time.
    case timedOut(host: String, after: Duration?)
    /// A response arrived but was not what an OpenAI-compatible endpoint sends.
    case decodingFailed(what: String, reason: String, excerpt: String)
    /// The request could not be encoded as JSON (a temperature of `.nan`, say); it was not sent.
    case invalidRequest(reason: String)
    /// The caller cancelled the request.
    case cancelled

    /// The HTTP status for `.http`, else `nil`.
    public var status: Int? {
        if case .http(let status, _, _, _) = self { return status }
        return nil
    }

    /// The provider's own error, for `.http` and `.stream`.
    public var providerError: ProviderError? {
        switch self {
        case .http(_, let provider, _, _): provider
        case .stream(let provider): provider
        default: nil
        }
    }

    public var description: String {
        switch self {
        case .http(let status, let provider, let excerpt, let retryAfter):
            let said = provider.map { ": \($0)" } ?? (excerpt.isEmpty ? "" : ": \(excerpt)")
            let wait = retryAfter.map { " The server asked to wait \($0)." } ?? ""
            return "the chat endpoint answered HTTP \(status)\(said). \(Self.advice(forStatus: status))\(wait)"
        case .stream(let provider):
            return "the provider reported an error in the middle of the stream: \(provider). Try again; the partial answer is incomplete."
        case .connectionFailed(let host, let reason):
            return "could not reach the chat endpoint at \(host): \(reason). Check the base URL and the network."
        case .timedOut(let host, let after):
            return "\(host) did not answer" + (after.map { " within \($0)" } ?? " in time")
                + ". Try again, or raise the timeout for long answers."
        case .decodingFailed(let what, let reason, let excerpt):
            return "could not read the \(what): \(reason). Is the base URL an OpenAI-compatible endpoint? The body began: \(excerpt)"
        case .invalidRequest(let reason):
            return "the request could not be encoded, so it was not sent: \(reason). Check for infinite or NaN numbers."
        case .cancelled:
            return "the request was cancelled"
        }
    }

    private static func advice(forStatus status: Int) -> String {
        switch status {
        case 400: "The request was rejected; check the model name and parameters."
        case 401: "The API key was rejected; check the key for this base URL."
        case 402: "The account has no balance left; top it up."
        case 403: "The key may not use this model or region."
        case 404: "Check the base URL (it usually ends in /v1) and the model name."
        case 408, 409: "Try again."
        case 413: "The conversation is too long; trim the history."
        case 422: "The request was rejected; check the parameters."
        case 429: "Rate limit or quota reached; wait, or check the plan's quota."
        case 500...: "The provider is having trouble; try again later."
        default: "Check the request."
        }
    }

    /// This error with every occurrence of `secret` replaced by its redacted form.
    func redacting(_ secret: Redacted?) -> OpenAIError {
        guard let secret else { return self }
        switch self {
        case .http(let status, let provider, let excerpt, let retryAfter):
            return .http(status: status, provider: provider?.redacting(secret), excerpt: secret.scrub(excerpt), retryAfter: retryAfter)
        case .stream(let provider):
            return .stream(provider.redacting(secret))
        case .connectionFailed(let host, let reason):
            return .connectionFailed(host: host, reason: secret.scrub(reason))
        case .decodingFailed(let what, let reason, let excerpt):
            return .decodingFailed(what: what, reason: secret.scrub(reason), excerpt: secret.scrub(excerpt))
        case .timedOut, .invalidRequest, .cancelled:
            return self
        }
    }
}

extension OpenAIError: UserFacingError {
    public var userMessage: String {
        switch self {
        case .http(let status, _, _, _) where status == 429: "The AI is busy right now; please try again in a minute."
        case .http(let status, _, _, _) where status >= 500: "The AI service is having trouble; please try again later."
        case .timedOut: "The AI took too long to answer; please try again."
        case .cancelled: "The request was cancelled."
        default: "The AI could not answer right now."
        }
    }
}

extension ProviderError {
    func redacting(_ secret: Redacted) -> ProviderError {
        var copy = self
        copy.message = secret.scrub(message)
        return copy
    }
}
