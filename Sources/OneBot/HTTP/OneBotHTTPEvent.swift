import Foundation
import VioCore

/// An event that an implementation in HTTP POST mode sent: the request's body is the event, its
/// `X-Self-ID` header the bot account and, when a secret is set on both sides, its `X-Signature`
/// (`sha1=<hex HMAC-SHA1 of the body, keyed by the secret>`) proves who sent it.
///
/// The SDK computes no HMAC itself: pass the signer your crypto library offers (vio-server uses
/// swift-crypto's `HMAC<Insecure.SHA1>`). The signature is compared in constant time.
///
/// ```swift
/// let signer = OneBotHTTPEvent.Signer(secret: Redacted(secret)) { key, body in
///     Data(HMAC<Insecure.SHA1>.authenticationCode(for: body, using: SymmetricKey(data: key)))
/// }
/// switch OneBotHTTPEvent.read(headers: request.headers, body: body, signer: signer) {
/// case .success(let posted): handle(posted.event)
/// case .failure(let rejection): respond(status: rejection.httpStatus)   // nothing is acted on
/// }
/// ```
public struct OneBotHTTPEvent: Sendable {
    public var event: OneBotEvent
    /// The bot account: `X-Self-ID`, else the event's `self_id`.
    public var selfID: ID

    /// Signs bodies with the secret shared with the implementation.
    public struct Signer: Sendable {
        let secret: Redacted
        let hmacSHA1: @Sendable (_ key: Data, _ message: Data) -> Data

        /// - Parameter hmacSHA1: the 20-byte HMAC-SHA1 of `message` keyed by `key`.
        public init(secret: Redacted, hmacSHA1: @escaping @Sendable (_ key: Data, _ message: Data) -> Data) {
            self.secret = secret
            self.hmacSHA1 = hmacSHA1
        }

        /// The `X-Signature` header value for `body`: `sha1=` and the lower-case hex digest.
        public func signature(of body: Data) -> String {
            "sha1=" + hmacSHA1(Data(secret.value.utf8), body).map { String(format: "%02x", $0) }.joined()
        }

        /// Whether `header` is the signature of `body`, compared in constant time.
        public func verifies(_ header: String, of body: Data) -> Bool {
            Redacted(signature(of: body)).matches(header.trimmingCharacters(in: .whitespaces).lowercased())
        }
    }

    /// Why a posted event is refused; nothing in it is acted on.
    public enum Rejection: Error, Hashable, Sendable, CustomStringConvertible {
        /// A secret is set and the request has no `X-Signature`: HTTP 403.
        case missingSignature
        /// A secret is set and the `X-Signature` does not match the body: HTTP 403.
        case wrongSignature
        /// The body is not a OneBot event: HTTP 400.
        case notAnEvent(String)

        public var httpStatus: Int {
            switch self {
            case .missingSignature, .wrongSignature: 403
            case .notAnEvent: 400
            }
        }

        public var description: String {
            switch self {
            case .missingSignature:
                "the OneBot event came without an X-Signature header; set the same secret in the implementation's HTTP POST settings"
            case .wrongSignature:
                "the OneBot event's X-Signature does not match its body; the implementation's HTTP POST secret differs from this server's"
            case .notAnEvent(let detail):
                "the request body is not a OneBot event: \(detail)"
            }
        }
    }

    /// Checks and reads a posted event; header names match case-insensitively. With a `signer`,
    /// an unsigned or wrongly signed request is refused before its body is read.
    public static func read(headers: HTTPHeaders, body: Data, signer: Signer?) -> Result<OneBotHTTPEvent, Rejection> {
        if let signer {
            guard let signature = headers["X-Signature"] else { return .failure(.missingSignature) }
            guard signer.verifies(signature, of: body) else { return .failure(.wrongSignature) }
        }
        let event: OneBotEvent
        do {
            guard case .event(let read) = try OneBotFrame.read(body) else { return .failure(.notAnEvent("it is an action response")) }
            event = read
        } catch {
            return .failure(.notAnEvent(String(describing: error)))
        }
        let header = headers["X-Self-ID"].flatMap { Int64($0.trimmingCharacters(in: .whitespaces)) }.map { ID($0) }
        return .success(OneBotHTTPEvent(event: event, selfID: header ?? event.selfID))
    }
}
