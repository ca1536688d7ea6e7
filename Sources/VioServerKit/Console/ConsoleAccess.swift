import Foundation
import Hummingbird
import NIOCore
import VioCore

/// Who may use the console: without `VIO_CONSOLE_PASSWORD` only clients on this machine (loopback,
/// and not through a proxy: a request that says it was forwarded is someone else's); with it,
/// anyone who gives the password by HTTP basic auth (any user name), compared in constant time.
///
/// ```swift
/// let console = router.group("console").add(middleware: ConsoleAccess(password: configuration.consolePassword))
/// ```
struct ConsoleAccess<Context: RemoteAddressRequestContext>: RouterMiddleware {
    let password: Redacted?

    /// The realm browsers show in their password prompt.
    static var realm: String { "Vio console" }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let password {
            guard let presented = Self.basicPassword(request.headers[.authorization]), password.matches(presented) else {
                return Self.refusal(
                    "The console needs its password (VIO_CONSOLE_PASSWORD).", status: .unauthorized,
                    headers: [.wwwAuthenticate: "Basic realm=\"\(Self.realm)\", charset=\"UTF-8\""])
            }
        } else if !Self.isLocal(context.remoteAddress, headers: request.headers) {
            return Self.refusal(
                "The console answers only on this machine (127.0.0.1). Set VIO_CONSOLE_PASSWORD to open it to others.",
                status: .forbidden)
        }
        return try await next(request, context)
    }

    /// What the settings allow, as start-up says it.
    static func describe(password: Redacted?) -> String {
        password == nil ? "this machine only (set VIO_CONSOLE_PASSWORD to open it to others)" : "password required (VIO_CONSOLE_PASSWORD)"
    }

    /// Whether `address` is this machine's, and the request came straight from it.
    static func isLocal(_ address: SocketAddress?, headers: HTTPFields) -> Bool {
        let proxied = headers.contains { ["forwarded", "x-forwarded-for", "x-real-ip"].contains($0.name.canonicalName) }
        guard !proxied else { return false }
        guard let ip = address?.ipAddress else { return false }
        return ip == "::1" || ip.hasPrefix("127.") || ip.hasPrefix("::ffff:127.")
    }

    /// The password of `Basic <base64(user:password)>`.
    static func basicPassword(_ authorization: String?) -> String? {
        guard let authorization else { return nil }
        let parts = authorization.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "basic",
              let decoded = Data(base64Encoded: String(parts[1]).trimmingCharacters(in: .whitespaces)),
              let credentials = String(data: decoded, encoding: .utf8),
              let colon = credentials.firstIndex(of: ":") else { return nil }
        return String(credentials[credentials.index(after: colon)...])
    }

    private static func refusal(_ text: String, status: HTTPResponse.Status, headers: HTTPFields = [:]) -> Response {
        var headers = headers
        headers[.contentType] = "text/plain; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
