/// What `vio-server` says at start-up: each feature, on or off, and why.
struct StartupReport: Sendable {
    struct Line: Sendable, Equatable {
        let feature: String
        let isOn: Bool
        let detail: String

        var text: String { "\(feature): \(isOn ? "on" : "off") (\(detail))" }
    }

    let lines: [Line]
    /// Settings that work but deserve attention (an open OneBot endpoint).
    let warnings: [String]

    init(_ configuration: ServerConfiguration) {
        let address = "\(configuration.host):\(configuration.port)"
        lines = [
            Line(feature: "OneBot v11 reverse WebSocket", isOn: true,
                 detail: "ws://\(address)/onebot/v11/ws and /ws (split roles: /onebot/v11/ws/event and /onebot/v11/ws/api)" + (configuration.oneBotAccessToken == nil ? ", no token required" : ", token required")
                    + ", messages up to \(Self.bytes(configuration.oneBotMaxFrameBytes)) (ONEBOT_MAX_FRAME_BYTES)"),
            Line(feature: "OneBot v11 forward WebSocket", isOn: !configuration.oneBotWebSocketURLs.isEmpty,
                 detail: configuration.oneBotWebSocketURLs.isEmpty ? "set ONEBOT_WS_URLS to dial an implementation's WebSocket server"
                    : "dialling " + configuration.oneBotWebSocketURLs.map(ForwardLink.masked).joined(separator: ", ")
                        + (configuration.oneBotAccessToken == nil ? ", no token sent" : ", token sent (ONEBOT_ACCESS_TOKEN)")),
            Line(feature: "OneBot v11 HTTP POST", isOn: configuration.oneBotHTTPPostIsOn,
                 detail: configuration.oneBotHTTPPostIsOn
                    ? "events to http://\(address)/onebot/v11/http" + (configuration.oneBotSecret == nil ? ", unsigned" : ", signature required (ONEBOT_SECRET)")
                        + (configuration.oneBotHTTPRoots.map { ", actions to \($0)" } ?? ", no ONEBOT_HTTP_API_URL: replies go back only as quick operations")
                    : "set ONEBOT_HTTP_API_URL and ONEBOT_SECRET to take events by HTTP POST"),
            Line(feature: "Telegram", isOn: configuration.telegramToken != nil,
                 detail: configuration.telegramToken == nil ? "set BOT_TOKEN"
                    : configuration.telegramWebhookURL.map { "webhook \($0.absoluteString)<token> and \(TelegramWebhook.fixedPath)" }
                    ?? "long polling \(configuration.telegramAPIURL.absoluteString)"),
            Line(feature: "HTTP chat", isOn: true,
                 detail: "POST http://\(address)/post, /v1/chat, /v1/chat/completions and GET /v1/models"
                    + (configuration.httpAPIKey == nil ? ", open to anyone" : ", key required (VIO_API_KEY)")
                    + (configuration.httpRequestsPerMinute > 0 ? ", \(configuration.httpRequestsPerMinute) requests a minute per client" : ", no rate limit")),
            Line(feature: "Chat model", isOn: configuration.chat != nil,
                 detail: configuration.chat.map {
                     "\($0.model) at \($0.baseURL.absoluteString), key \($0.apiKey); per user \(configuration.chatLimits); "
                         + (configuration.chatTools ? "tools on, at most \(configuration.toolRounds) rounds (VIO_TOOL_ROUNDS)" : "no tools (VIO_TOOLS=off)")
                         + (configuration.vision ? "; sees pictures up to \(Self.bytes(configuration.visionMaxBytes)) (VIO_VISION_MAX_BYTES)" : "; pictures not read (VIO_VISION=off)")
                 } ?? "set OPENAI_API_KEY or chatGPTAPIKey"),
            Line(feature: "Roast model", isOn: configuration.roast != nil || configuration.chat != nil,
                 detail: configuration.roast.map { "\($0.model) at \($0.baseURL.absoluteString)" }
                    ?? (configuration.chat == nil ? "set DeepSeekAPIKey or OPENAI_API_KEY" : "uses the chat model; set DeepSeekAPIKey for DeepSeek")),
            Line(feature: "Storage", isOn: true,
                 detail: "\(configuration.storage)" + (configuration.database == nil ? "; set DATABASE_URL for PostgreSQL" : "")
                    + (configuration.conversationRetention.map { ", conversations kept \(Int($0.timeInterval) / 86_400) days (VIO_HISTORY_DAYS)" }
                        ?? ", conversations kept")),
            Line(feature: "Web console", isOn: true,
                 detail: Self.consoleURL(host: configuration.host, port: configuration.port) + ", "
                    + ConsoleAccess<HTTPRouteContext>.describe(password: configuration.consolePassword)),
            Line(feature: "Health", isOn: true, detail: "GET http://\(address)/healthz and /readyz"),
            Line(feature: "Metrics", isOn: true,
                 detail: "GET http://\(address)/metrics (Prometheus)" + (configuration.httpAPIKey == nil ? ", open" : ", key required (VIO_API_KEY)")),
        ]
        warnings = [
            configuration.oneBotAccessToken == nil
                ? "ONEBOT_ACCESS_TOKEN is not set: any OneBot client that reaches this port may connect as a bot" : nil,
            configuration.oneBotHTTPPostIsOn && configuration.oneBotSecret == nil
                ? "ONEBOT_SECRET is not set: anyone who reaches this port may post OneBot events to /onebot/v11/http as if from your implementation" : nil,
            configuration.promptsFile.flatMap { file in
                file.skipped.isEmpty ? nil
                    : "VIO_PROMPTS_FILE \(file.path): entries \(file.skipped.map(String.init).joined(separator: ", ")) (counting from 0) lack an act or a prompt and were skipped"
            },
            configuration.httpAPIKey == nil
                ? "VIO_API_KEY is not set: the HTTP chat endpoints (/post, /v1/chat, /v1/chat/completions) answer anyone who reaches this port" : nil,
        ].compactMap { $0 }
    }

    /// Where a browser on this machine opens the console.
    static func consoleURL(host: String, port: Int) -> String {
        "http://\(browsableHost(host)):\(port)/"
    }

    /// `host` as a URL on this machine names it: a wildcard host is reached on 127.0.0.1, an IPv6
    /// address in brackets.
    static func browsableHost(_ host: String) -> String {
        ["0.0.0.0", "::", ""].contains(host) ? "127.0.0.1" : host.contains(":") ? "[\(host)]" : host
    }

    /// `16 MiB`, `64 KiB`, or bytes when the size is not a whole number of either.
    static func bytes(_ count: Int) -> String {
        if count % (1 << 20) == 0 { return "\(count >> 20) MiB" }
        if count % (1 << 10) == 0 { return "\(count >> 10) KiB" }
        return "\(count) bytes"
    }
}
