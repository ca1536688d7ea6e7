import VioCore

/// Cookies and a CSRF token for QQ web APIs; both print redacted.
public struct Credentials: Decodable, Hashable, Sendable {
    public var cookies: Redacted?
    public var csrfToken: Redacted?

    private enum CodingKeys: String, CodingKey { case cookies, token, csrfToken = "csrf_token" }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        cookies = container.lenient(String.self, .cookies).map { Redacted($0) }
        let token = container.lenient(LooseString.self, .csrfToken) ?? container.lenient(LooseString.self, .token)
        csrfToken = token.map { Redacted($0.value) }
    }
}
