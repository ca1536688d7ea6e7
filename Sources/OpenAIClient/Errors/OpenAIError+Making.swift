import Foundation
import VioCore

extension OpenAIError {
    /// How many characters of a body an error quotes.
    static let excerptLength = 200

    /// The error for a transport failure.
    init(_ error: TransportError) {
        switch error {
        case .connectionFailed(let host, let reason): self = .connectionFailed(host: host, reason: reason)
        case .timedOut(let host, let after): self = .timedOut(host: host, after: after)
        case .responseTooLarge(let host, let limit):
            self = .decodingFailed(what: "response", reason: "\(host) sent more than \(limit) bytes", excerpt: "")
        case .cancelled: self = .cancelled
        }
    }

    /// The error for a body that did not decode as `what`.
    static func decodingFailed(_ what: String, error: any Error, body: Data, hiding secret: Redacted? = nil) -> OpenAIError {
        .decodingFailed(what: what, reason: summary(of: error), excerpt: excerpt(of: body, hiding: secret))
    }

    /// The start of `body` on one line, for error text, with `secret` scrubbed out before it is cut.
    static func excerpt(of body: Data, hiding secret: Redacted? = nil) -> String {
        var text = String(decoding: body, as: UTF8.self)
        if let secret { text = secret.scrub(text) }
        let oneLine = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return oneLine.count > excerptLength ? String(oneLine.prefix(excerptLength)) + "…" : oneLine
    }

    /// A short reason from a decoding error: what was wrong and where.
    static func summary(of error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        func path(_ context: DecodingError.Context) -> String {
            let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return path.isEmpty ? "the top level" : path
        }
        switch error {
        case .keyNotFound(let key, let context): return "missing \"\(key.stringValue)\" at \(path(context))"
        case .typeMismatch(let type, let context): return "expected \(type) at \(path(context))"
        case .valueNotFound(let type, let context): return "expected \(type), found null at \(path(context))"
        case .dataCorrupted(let context): return "not valid JSON at \(path(context))"
        @unknown default: return "\(error)"
        }
    }
}
