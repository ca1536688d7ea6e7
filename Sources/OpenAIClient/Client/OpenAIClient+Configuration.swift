import Foundation
import VioCore

extension OpenAIClient {
    /// Where the endpoint is, how to authenticate, and how patient to be.
    ///
    /// ```swift
    /// let deepSeek = OpenAIClient.Configuration(
    ///     baseURL: URL(string: "https://api.deepseek.com")!, apiKey: Redacted(key), timeout: .seconds(120))
    /// let ollama = OpenAIClient.Configuration(baseURL: URL(string: "http://127.0.0.1:11434/v1")!)
    /// ```
    public struct Configuration: Hashable, Sendable {
        /// OpenAI's endpoint, `https://api.openai.com/v1`.
        public static let openAIBaseURL = URL(string: "https://api.openai.com/v1") ?? URL(fileURLWithPath: "/")

        /// The base the paths `chat/completions` and `models` are appended to, with or without a
        /// trailing slash; a query (some proxies want one) is kept.
        public var baseURL: URL
        /// Sent as `Authorization: Bearer …`; `nil` sends no `Authorization` (Ollama, local vLLM).
        public var apiKey: Redacted?
        /// Sent as `OpenAI-Organization`.
        public var organization: String?
        /// Sent as `OpenAI-Project`.
        public var project: String?
        /// Sent with every request, after (and so instead of) the headers above of the same name.
        public var extraHeaders: HTTPHeaders
        /// How long one attempt may wait for the server (for streams: for each piece of the body).
        public var timeout: Duration
        /// When failed attempts are tried again; `RetryPolicy.openAI` unless you set another.
        public var retryPolicy: RetryPolicy

        public init(baseURL: URL = Configuration.openAIBaseURL, apiKey: Redacted? = nil, organization: String? = nil,
                    project: String? = nil, extraHeaders: HTTPHeaders = [:], timeout: Duration = .seconds(600),
                    maxRetries: Int = RetryPolicy.openAI.maxRetries) {
            self.baseURL = baseURL
            self.apiKey = apiKey
            self.organization = organization
            self.project = project
            self.extraHeaders = extraHeaders
            self.timeout = timeout
            self.retryPolicy = .openAI
            self.retryPolicy.maxRetries = maxRetries
        }

        /// Retries after the first attempt.
        public var maxRetries: Int {
            get { retryPolicy.maxRetries }
            set { retryPolicy.maxRetries = newValue }
        }

        /// `baseURL` with `path` appended below its own path.
        func url(appending path: String) -> URL {
            guard var components = URLComponents(url: baseURL, resolvingAgainstBaseURL: true) else {
                return baseURL.appendingPathComponent(path)
            }
            var basePath = components.path
            while basePath.hasSuffix("/") { basePath.removeLast() }
            components.path = basePath + "/" + path
            return components.url ?? baseURL.appendingPathComponent(path)
        }

        /// The headers of every request: authentication, organization, project, content type, extras.
        func headers(accept: String) -> HTTPHeaders {
            var headers: HTTPHeaders = ["Content-Type": "application/json", "Accept": accept]
            if let apiKey, !apiKey.value.isEmpty { headers["Authorization"] = "Bearer \(apiKey.value)" }
            if let organization { headers["OpenAI-Organization"] = organization }
            if let project { headers["OpenAI-Project"] = project }
            for field in extraHeaders { headers[field.name] = nil }
            for field in extraHeaders { headers.add(name: field.name, value: field.value) }
            return headers
        }
    }
}
