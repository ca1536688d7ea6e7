/// What went wrong talking to a OneBot implementation.
public enum OneBotError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The peer answered `failed`: `retcode` and its own words (`wording`, `message` or `msg`).
    case actionFailed(action: String, retcode: Int, message: String)
    /// No response arrived in time; the peer may still perform the action.
    case timedOut(action: String, after: Duration)
    /// The connection closed before the response arrived.
    case connectionClosed(action: String)
    /// A frame was not valid JSON or lacked a field its kind needs.
    case malformedFrame(String)
    /// A frame given to the event decoder was something else (an action response, a bare value).
    case notAnEvent
    /// The response's `data` did not have the shape the action expects.
    case unexpectedResponse(action: String, detail: String)
    /// The action's parameters could not be encoded.
    case encodingFailed(action: String, detail: String)
    /// OneBot's HTTP API answered with an HTTP status other than 200.
    case httpRefused(action: String, status: Int)
    /// OneBot's HTTP API could not be reached or gave no answer (refused, reset, DNS, TLS).
    case unreachable(action: String, reason: String)

    public var description: String {
        switch self {
        case .actionFailed(let action, let retcode, let message):
            "\(action) failed with retcode \(retcode)\(message.isEmpty ? "" : ": \(message)")"
                + (retcode == 1404 ? " (the implementation does not support this action)" : "")
        case .timedOut(let action, let after):
            "\(action) got no response within \(after); the peer may be busy or the connection stalled"
        case .connectionClosed(let action):
            "\(action) was not answered: the OneBot connection closed; retry once the peer reconnects"
        case .malformedFrame(let detail):
            "malformed frame from the OneBot peer: \(detail)"
        case .notAnEvent:
            "the frame is not an event (it has no post_type); action responses are read with OneBotFrame.read or OneBotClient.receive"
        case .unexpectedResponse(let action, let detail):
            "\(action) returned data of an unexpected shape: \(detail)"
        case .encodingFailed(let action, let detail):
            "\(action) parameters could not be encoded: \(detail)"
        case .httpRefused(let action, let status):
            "\(action) was refused by the OneBot HTTP API with HTTP \(status)" + Self.meaning(ofStatus: status)
        case .unreachable(let action, let reason):
            "\(action) could not reach the OneBot HTTP API: \(reason); check that the implementation's HTTP server is on and its URL"
        }
    }

    /// What an HTTP API status means, after the status.
    private static func meaning(ofStatus status: Int) -> String {
        switch status {
        case 401: ": it wants an access token; use the token set in its HTTP settings"
        case 403: ": the access token is wrong; use the token set in its HTTP settings"
        case 404: " (the implementation does not support this action, or the API URL's path is wrong)"
        case 406: " (it does not accept JSON bodies)"
        default: ""
        }
    }
}
