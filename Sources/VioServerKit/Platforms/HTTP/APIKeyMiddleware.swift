import Hummingbird
import VioCore

/// Lets a request through only with `Authorization: Bearer <VIO_API_KEY>` (compared in constant
/// time); anything else gets 401 in OpenAI's error shape, so OpenAI clients show it plainly.
struct APIKeyMiddleware<Context: RequestContext>: RouterMiddleware {
    let key: Redacted

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let presented = Self.bearerToken(request.headers[.authorization]), key.matches(presented) else {
            return .json(
                OpenAIFacade.Failure("missing or wrong API key: send the header Authorization: Bearer <VIO_API_KEY>", code: "invalid_api_key"),
                status: .unauthorized, headers: [.wwwAuthenticate: "Bearer"])
        }
        return try await next(request, context)
    }

    /// The token of `Bearer <token>`, the scheme matched case-insensitively.
    static func bearerToken(_ authorization: String?) -> String? {
        guard let authorization else { return nil }
        let parts = authorization.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        return parts[1].trimmingCharacters(in: .whitespaces)
    }
}
