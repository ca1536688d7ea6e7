import Foundation
import VioCore

/// Calls the Bot API over any ``HTTPTransport``.
///
/// The token lives in a ``Redacted`` and only in request URLs: error texts and log lines carry the
/// method name, never the URL. Flood control (429) and server errors (5xx) are retried as the
/// `retryPolicy` says (`RetryPolicy.telegram` unless you pass another); an optional
/// ``OutgoingRateLimiter`` paces sends to stay under Telegram's limits.
///
/// ```swift
/// let client = TelegramClient(token: Redacted(botToken), transport: URLSessionTransport())
/// let me = try await client.call(GetMe())
/// try await client.call(SendMessage(chatID: .id(chatID), text: "Hi, I am @\(me.username ?? "")"))
/// ```
public struct TelegramClient: Sendable {
    public let token: Redacted
    public let transport: any HTTPTransport
    /// The API root, without `/bot<token>`: `https://api.telegram.org`, a local Bot API server, or a test fake.
    public let baseURL: URL
    public var retryPolicy: RetryPolicy
    public var rateLimiter: OutgoingRateLimiter?
    public var logger: any BotLogger
    /// How the client and its long poller wait between attempts; tests pass one that records the waits.
    public var environment: RetryEnvironment
    /// How long one call may take, unless it says otherwise (long polls do).
    public var requestTimeout: Duration

    /// Telegram's cloud Bot API.
    public static let cloudAPI: URL = URL(string: "https://api.telegram.org") ?? URL(fileURLWithPath: "/")

    public init(
        token: Redacted,
        transport: any HTTPTransport,
        baseURL: URL = TelegramClient.cloudAPI,
        retryPolicy: RetryPolicy = .telegram,
        rateLimiter: OutgoingRateLimiter? = nil,
        logger: any BotLogger = SilentLogger(),
        environment: RetryEnvironment = .live,
        requestTimeout: Duration = .seconds(30)
    ) {
        self.token = token
        self.transport = transport
        self.baseURL = baseURL
        self.retryPolicy = retryPolicy
        self.rateLimiter = rateLimiter
        self.logger = logger
        self.environment = environment
        self.requestTimeout = requestTimeout
    }

    /// Calls a typed method and returns its typed result.
    ///
    /// - Throws: ``TelegramError`` when Telegram refuses, ``TelegramClientError`` when no usable
    ///   answer came, `CancellationError` when the task is cancelled while waiting.
    @discardableResult
    public func call<Method: TelegramMethod>(_ method: Method, timeout: Duration? = nil) async throws -> Method.Result {
        try await call(method, readingResultAs: Method.Result.self, timeout: timeout)
    }

    /// Calls a typed method and reads only what `Part` holds of its result: the id of a sent
    /// message, say, rather than the whole message Telegram sends back.
    ///
    /// ```swift
    /// struct SentID: Decodable, Sendable { var message_id: Int64 }
    /// let sent = try await client.call(SendMessage(chatID: .id(42), text: "hi"), readingResultAs: SentID.self)
    /// ```
    @discardableResult
    public func call<Method: TelegramMethod, Part: Decodable & Sendable>(
        _ method: Method, readingResultAs part: Part.Type, timeout: Duration? = nil
    ) async throws -> Part {
        let body = try RequestBody(encoding: method)
        if let rateLimiter, let chat = method.rateLimitedChat {
            try await rateLimiter.acquire(for: chat)
        }
        return try await perform(Method.name, body: body, timeout: timeout, chat: method.rateLimitedChat, as: Part.self)
    }

    /// Calls any method by name with JSON parameters, for methods TelegramKit has no struct for.
    ///
    /// ```swift
    /// let result = try await client.call(method: "setChatTitle", params: ["chat_id": -100123, "title": "News"])
    /// ```
    @discardableResult
    public func call(method: String, params: JSONValue = .object([:])) async throws -> JSONValue {
        let body: RequestBody
        do {
            body = try RequestBody(parameters: params)
        } catch {
            throw TelegramClientError.encoding(method: method, reason: "\(error)")
        }
        return try await perform(method, body: body, timeout: nil, chat: nil, as: JSONValue.self)
    }

    private func perform<Result: Decodable>(_ method: String, body: RequestBody, timeout: Duration?, chat: ChatTarget?, as: Result.Type) async throws -> Result {
        let request = try request(method, body: body, timeout: timeout ?? requestTimeout)
        return try await retryPolicy.run(environment: environment) {
            do {
                return try await send(request, method: method, as: Result.self)
            } catch let error as TelegramError {
                if let rateLimiter, let chat, let retryAfter = error.retryAfter {
                    await rateLimiter.hold(chat, for: retryAfter)
                }
                throw error
            }
        } classify: { error in
            Self.retryVerdict(for: error)
        } onRetry: { error, retry, delay in
            logger.warning("Telegram call failed, retrying", metadata: [
                "method": method, "attempt": "\(retry)", "retryIn": "\(delay)", "error": token.scrub("\(error)"),
            ])
        }
    }

    /// Flood control is worth waiting out for as long as Telegram asks, server errors for a backoff;
    /// anything else would fail again the same way.
    private static func retryVerdict(for error: any Error) -> RetryVerdict {
        guard let error = error as? TelegramError else { return .giveUp }
        switch error.kind {
        case .floodControl: return .retry(after: error.retryAfter)
        case .serverError: return .retry(after: nil)
        default: return .giveUp
        }
    }

    private func send<Result: Decodable>(_ request: HTTPRequest, method: String, as: Result.Type) async throws -> Result {
        let response: HTTPResponse
        do {
            response = try await transport.send(request)
        } catch let error as TransportError {
            if error == .cancelled { throw CancellationError() }
            throw TelegramClientError.network(method: method, scrubbed(error))
        }
        return try decode(response, method: method, as: Result.self)
    }

    private func decode<Result: Decodable>(_ response: HTTPResponse, method: String, as: Result.Type) throws -> Result {
        let decoder = JSONDecoder()
        do {
            let envelope = try decoder.decode(APIResponse<Result>.self, from: response.body)
            if envelope.ok, let result = envelope.result { return result }
            if envelope.ok { throw TelegramClientError.malformedResponse(method: method, status: response.status, reason: "ok without a result") }
            throw apiError(method, status: response.status, code: envelope.errorCode, description: envelope.description, parameters: envelope.parameters)
        } catch let error as DecodingError {
            guard let status = try? decoder.decode(APIStatus.self, from: response.body) else {
                throw nonAPIResponse(response, method: method)
            }
            if !status.ok {
                throw apiError(method, status: response.status, code: status.errorCode, description: status.description, parameters: status.parameters)
            }
            throw TelegramClientError.malformedResponse(method: method, status: response.status, reason: token.scrub(DecodingFailureText.describe(error)))
        }
    }

    private func apiError(_ method: String, status: Int, code: Int?, description: String?, parameters: ResponseParameters?) -> TelegramError {
        let code = code ?? (status >= 400 ? status : nil)
        return TelegramError(method: method, code: code, apiDescription: token.scrub(description ?? "no description"), parameters: parameters)
    }

    /// A body that is not a Bot API envelope: a proxy's error page, or the wrong server.
    private func nonAPIResponse(_ response: HTTPResponse, method: String) -> any Error {
        switch response.status {
        case 401, 404, 500...599:
            return TelegramError(method: method, code: response.status, apiDescription: "HTTP \(response.status) without a Bot API body")
        default:
            let start = String(decoding: response.body.prefix(120), as: UTF8.self)
            return TelegramClientError.malformedResponse(method: method, status: response.status, reason: "body starts with \(token.scrub(start).debugDescription)")
        }
    }

    private func request(_ method: String, body: RequestBody, timeout: Duration) throws -> HTTPRequest {
        guard let url = endpoint("bot", method) else { throw TelegramClientError.invalidToken }
        return HTTPRequest(method: "POST", url: url, headers: ["Content-Type": body.contentType], body: body.data, timeout: timeout)
    }

    /// `<baseURL>/<prefix><token>/<path>`; `nil` when the token does not fit in a URL.
    func endpoint(_ prefix: String, _ path: String) -> URL? {
        var root = baseURL.absoluteString
        while root.hasSuffix("/") { root.removeLast() }
        guard !token.value.contains(where: { $0.isWhitespace || $0 == "/" || $0 == "?" || $0 == "#" }) else { return nil }
        return URL(string: "\(root)/\(prefix)\(token.value)/\(path)")
    }

    /// The transport error with the token taken out of its text.
    func scrubbed(_ error: TransportError) -> TransportError {
        switch error {
        case .connectionFailed(let host, let reason): .connectionFailed(host: token.scrub(host), reason: token.scrub(reason))
        case .timedOut(let host, let after): .timedOut(host: token.scrub(host), after: after)
        case .responseTooLarge(let host, let limit): .responseTooLarge(host: token.scrub(host), limit: limit)
        case .cancelled: .cancelled
        }
    }
}
