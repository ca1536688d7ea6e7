import Foundation
import VioCore

/// The checks OneBot's reverse WebSocket asks of the server when an implementation connects:
/// who it is (`X-Self-ID`), what the socket carries (`X-Client-Role`) and whether its token is right.
///
/// The token may arrive as `Authorization: Bearer <token>` (spec, NapCat), `Authorization: Token <token>`
/// (go-cqhttp) or `?access_token=<token>`; it is compared in constant time.
///
/// ```swift
/// let handshake = ReverseWebSocketHandshake(accessToken: Redacted(token))
/// switch handshake.check(headers: request.headers.map { ($0.name.rawName, $0.value) }, query: request.uri.query) {
/// case .success(let peer): upgrade(for: peer.selfID)
/// case .failure(let rejection): respond(status: rejection.httpStatus)
/// }
/// ```
///
/// Check a connection once, before its upgrade; afterwards ``peer(headers:)`` reads who it is
/// without checking again (OneBotHummingbird's gate checks, its routes read).
public struct ReverseWebSocketHandshake: Sendable {
    /// What the socket carries.
    public enum Role: String, Hashable, Sendable {
        /// Events and API calls on one socket (NapCat always).
        case universal = "Universal"
        /// Events only.
        case event = "Event"
        /// API calls only.
        case api = "API"
    }

    /// The implementation that connected.
    public struct Peer: Hashable, Sendable {
        /// The bot account; `nil` when the header is missing or not a number.
        public var selfID: ID?
        public var role: Role
    }

    /// Why a connection is refused.
    public enum Rejection: Error, Hashable, Sendable, CustomStringConvertible {
        /// No token was sent though one is configured: HTTP 401.
        case missingToken
        /// A token was sent and is wrong: HTTP 403.
        case wrongToken
        /// ``requiresSelfID`` is set and `X-Self-ID` is missing or not a number: HTTP 400.
        case missingSelfID

        public var httpStatus: Int {
            switch self {
            case .missingToken: 401
            case .wrongToken: 403
            case .missingSelfID: 400
            }
        }

        public var description: String {
            switch self {
            case .missingToken: "the OneBot peer sent no access token; set the same token in its reverse WebSocket settings"
            case .wrongToken: "the OneBot peer sent a wrong access token; check the token in its reverse WebSocket settings"
            case .missingSelfID: "the OneBot peer sent no X-Self-ID header with its bot account's number; OneBot v11 implementations send it on every reverse WebSocket"
            }
        }
    }

    /// The token peers must present; `nil` or empty accepts everyone.
    public var accessToken: Redacted?
    /// Whether a peer without a numeric `X-Self-ID` is refused; a server of several accounts needs it.
    public var requiresSelfID: Bool

    public init(accessToken: Redacted? = nil, requiresSelfID: Bool = false) {
        self.accessToken = accessToken
        self.requiresSelfID = requiresSelfID
    }

    /// Checks an upgrade request; header names match case-insensitively.
    public func check(headers: [(name: String, value: String)], query: String? = nil) -> Result<Peer, Rejection> {
        let peer = Self.peer(headers: headers)
        if let expected = accessToken, !expected.value.isEmpty {
            guard let presented = Self.presentedToken(authorization: Self.header("Authorization", in: headers), query: query), !presented.isEmpty else {
                return .failure(.missingToken)
            }
            guard expected.matches(presented) else { return .failure(.wrongToken) }
        }
        if requiresSelfID, peer.selfID == nil { return .failure(.missingSelfID) }
        return .success(peer)
    }

    /// Who a connection says it is, read from its request without any check: for a request that
    /// ``check(headers:query:)`` already accepted.
    public static func peer(headers: [(name: String, value: String)]) -> Peer {
        let role = header("X-Client-Role", in: headers).flatMap { value in
            [Role.universal, .event, .api].first { $0.rawValue.caseInsensitiveCompare(value) == .orderedSame }
        } ?? .universal
        let selfID = header("X-Self-ID", in: headers).flatMap { Int64($0.trimmingCharacters(in: .whitespaces)) }.map { ID($0) }
        return Peer(selfID: selfID, role: role)
    }

    private static func header(_ name: String, in headers: [(name: String, value: String)]) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    private static func presentedToken(authorization: String?, query: String?) -> String? {
        if let authorization {
            let parts = authorization.split(separator: " ", maxSplits: 1)
            if parts.count == 2, ["bearer", "token"].contains(parts[0].lowercased()) {
                return String(parts[1]).trimmingCharacters(in: .whitespaces)
            }
        }
        let items = query.flatMap { URLComponents(string: "?" + $0)?.queryItems } ?? []
        return items.first { $0.name == "access_token" }?.value
    }
}
