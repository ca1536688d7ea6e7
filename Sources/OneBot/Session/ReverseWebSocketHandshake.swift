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

        public var httpStatus: Int {
            switch self {
            case .missingToken: 401
            case .wrongToken: 403
            }
        }

        public var description: String {
            switch self {
            case .missingToken: "the OneBot peer sent no access token; set the same token in its reverse WebSocket settings"
            case .wrongToken: "the OneBot peer sent a wrong access token; check the token in its reverse WebSocket settings"
            }
        }
    }

    /// The token peers must present; `nil` or empty accepts everyone.
    public var accessToken: Redacted?

    public init(accessToken: Redacted? = nil) {
        self.accessToken = accessToken
    }

    /// Checks an upgrade request; header names match case-insensitively.
    public func check(headers: [(name: String, value: String)], query: String? = nil) -> Result<Peer, Rejection> {
        func header(_ name: String) -> String? {
            headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
        }
        let role = header("X-Client-Role").flatMap { value in
            [Role.universal, .event, .api].first { $0.rawValue.caseInsensitiveCompare(value) == .orderedSame }
        } ?? .universal
        let peer = Peer(selfID: header("X-Self-ID").flatMap { Int64($0.trimmingCharacters(in: .whitespaces)) }.map { ID($0) }, role: role)
        guard let expected = accessToken?.value, !expected.isEmpty else { return .success(peer) }
        guard let presented = Self.presentedToken(authorization: header("Authorization"), query: query), !presented.isEmpty else {
            return .failure(.missingToken)
        }
        return Self.constantTimeEquals(presented, expected) ? .success(peer) : .failure(.wrongToken)
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

    /// Compares every byte whatever the first difference, so timing does not reveal the token.
    static func constantTimeEquals(_ lhs: String, _ rhs: String) -> Bool {
        let left = Array(lhs.utf8)
        let right = Array(rhs.utf8)
        var difference = UInt8(truncatingIfNeeded: left.count ^ right.count)
        difference |= left.count == right.count ? 0 : 1
        for index in 0..<max(left.count, right.count) {
            let a = index < left.count ? left[index] : 0
            let b = index < right.count ? right[index] : 0
            difference |= a ^ b
        }
        return difference == 0
    }
}
