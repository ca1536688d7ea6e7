import VioCore

/// A call that got no usable answer from the Bot API. The bot token never appears in the text.
public enum TelegramClientError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No response: the server could not be reached, or it took too long.
    case network(method: String, TransportError)
    /// A response that is not a Bot API answer, or whose result is not what the method returns.
    case malformedResponse(method: String, status: Int, reason: String)
    /// The method's parameters could not be encoded.
    case encoding(method: String, reason: String)
    /// A file download from `getFile` failed.
    case downloadFailed(reason: String)
    /// The bot token has characters a URL cannot carry (often a stray newline from a file or variable).
    case invalidToken

    public var description: String {
        switch self {
        case .network(let method, let error):
            "\(method) got no answer: \(error)"
        case .malformedResponse(let method, let status, let reason):
            "\(method) got an answer that is not a Bot API response (HTTP \(status)): \(reason). "
                + "Check the base URL points at a Bot API server"
        case .encoding(let method, let reason):
            "\(method) could not be encoded: \(reason)"
        case .downloadFailed(let reason):
            "the file download failed: \(reason)"
        case .invalidToken:
            "the bot token cannot be put in a URL: remove spaces and line breaks from BOT_TOKEN"
        }
    }
}
