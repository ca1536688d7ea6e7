import Foundation
import OpenAIClient
import VioCore
import VioStorage

/// Everything `vio-server` is told by its environment, read once at start-up.
///
/// VioGo's setting names keep working beside the clearer ones (`chatGPTAPIKey` for
/// `OPENAI_API_KEY`, …); when both are set the clearer name wins. A missing key switches its feature
/// off; a value that cannot be read (a port that is not a number) is an error naming the setting.
struct ServerConfiguration: Sendable {
    /// An OpenAI-compatible model endpoint.
    struct ModelEndpoint: Sendable {
        var apiKey: Redacted
        var baseURL: URL
        var model: String
    }

    var host = "0.0.0.0"
    var port = 8080
    var dataDirectory = URL(fileURLWithPath: "data", isDirectory: true)
    /// `DATABASE_URL`: PostgreSQL when set (the PaaS convention); SQLite in ``dataDirectory`` otherwise.
    var database: PostgresLocation?
    /// `DATABASE_TIMEOUT`: how long one PostgreSQL operation may take before the database counts as unreachable.
    var databaseTimeout: Duration = .seconds(5)
    /// `VIO_HISTORY_DAYS`: how long conversation turns are kept; `nil` (0 days) keeps them.
    var conversationRetention: Duration? = .seconds(30 * 86_400)
    var logLevel = LogLevel.info
    /// `LOG_FORMAT`: plain text lines, or one JSON object per line for log collectors.
    var logFormat = LogFormat.text

    var oneBotAccessToken: Redacted?
    var oneBotAPITimeout: Duration = .seconds(30)
    /// The largest OneBot message (one JSON document) a peer may send. Implementations send each as
    /// one WebSocket frame, and real ones are megabytes: member lists of big groups, forwarded
    /// histories, inline base64 images.
    var oneBotMaxFrameBytes = 16 << 20
    /// `ONEBOT_WS_URLS`: the WebSocket servers of implementations that vio-server dials (forward WebSocket).
    var oneBotWebSocketURLs: [String] = []
    /// How long a dialled link waits before dialling again (not a setting: tests shorten it).
    var oneBotReconnectBackoff = ReconnectBackoff()
    /// `ONEBOT_HTTP_API_URL`: the HTTP APIs of implementations in HTTP POST mode.
    var oneBotHTTPRoots: OneBotHTTPRoots?
    /// `ONEBOT_SECRET`: the secret that signs events posted in HTTP POST mode (`X-Signature`).
    var oneBotSecret: Redacted?
    /// How long a posted message's answer waits for the handler, to carry its reply (not a setting:
    /// go-cqhttp gives up on a POST after 5 s and sends it again; tests shorten it).
    var oneBotQuickReplyWindow: Duration = .seconds(3)

    /// `BOT_TOKEN` (VioGo's name) or `TELEGRAM_BOT_TOKEN`: Telegram is on when set.
    var telegramToken: Redacted?
    /// `TELEGRAM_API_URL`: the Bot API root (a local Bot API server, or a test fake).
    var telegramAPIURL = Defaults.telegramAPI
    /// `TG_WEBHOOK_URL` (VioGo's name): Telegram delivers to it + the token; long polling without it.
    var telegramWebhookURL: URL?
    /// `TELEGRAM_WEBHOOK_SECRET`: the webhook's secret token; otherwise one derived from the bot token.
    var telegramWebhookSecret: Redacted?
    /// `TELEGRAM_SEND_RATE`: messages a second the bot sends in all: Telegram's limit is 30, and up
    /// to 1,000 with paid broadcasts.
    var telegramSendsPerSecond = 30
    /// `VIO_TELEGRAM_EDIT_INTERVAL`: how often a streaming chat answer's message is edited, at most.
    var telegramEditInterval: Duration = .seconds(1)
    /// `VIO_QQ_SPLIT_CHARS`: past this many characters a QQ chat answer is sent as several messages.
    var qqSplitCharacters = 600

    /// `VIO_API_KEY`: when set, the HTTP chat endpoints need `Authorization: Bearer <key>`.
    var httpAPIKey: Redacted?
    /// `VIO_HTTP_RATE_LIMIT`: requests a minute one client address may make of the HTTP chat endpoints; 0 for no limit.
    var httpRequestsPerMinute = 60
    /// `VIO_CONSOLE_PASSWORD`: when set, the web console answers anyone who gives it; else only this machine.
    var consolePassword: Redacted?

    /// The chat model; `nil` when no key is set.
    var chat: ModelEndpoint?
    /// `VIO_CHAT_RATE`: model calls one user may make in any window (chat and 锐评一下); `nil` for no limit.
    var chatRate: ChatRate? = .standard
    /// `VIO_CHAT_DAILY_TOKENS`: model tokens one user may spend a day; 0 for no limit.
    var chatDailyTokens = 0
    /// `VIO_TOOLS`: whether the chat model is offered the features as tools.
    var chatTools = true
    /// `VIO_TOOL_ROUNDS`: rounds of tool calls a chat turn may take before the model must answer.
    var toolRounds = 3
    /// `VIO_MEMORY_SUMMARY`: whether turns that no longer fit a conversation are folded into its note.
    var memorySummary = true
    /// `VIO_SUMMARY_EVERY`: fallen-out turns a note waits for before it is written again.
    var summaryEvery = 10
    /// `VIO_VISION`: whether the pictures of a message (and of the one it quotes) go to the chat model.
    var vision = false
    /// `VIO_VISION_MAX_BYTES`: the largest picture downloaded for the model; a larger one is left out.
    var visionMaxBytes = 5 << 20
    /// The preset id the chat persona comes from.
    var persona = "vio"
    /// The presets a chat may choose with `/persona`: the built-ins, then `VIO_PROMPTS_FILE`'s.
    var prompts = PromptLibrary.builtIn
    /// `VIO_PROMPTS_FILE`, and the positions of its entries that were skipped for lacking an act or a prompt.
    var promptsFile: (path: String, skipped: [Int])?
    /// `VIO_MODELS`: the chat models a chat may choose with `/model`; the first is the chat's default.
    var models: [String] = []
    /// The model for 锐评一下 when a DeepSeek key is set; otherwise the chat model is used.
    var roast: ModelEndpoint?

    var pictureAPIURL = Defaults.pictureAPI
    var huntSoundBaseURL = Defaults.huntSounds
    /// `VIO_SUPERUSERS`: `platform:id` entries (`onebot:10001,telegram:123456`); a bare number is a QQ account.
    var superusers: [PlatformUser] = []
    /// `VIO_DISABLED_FEATURES`: feature ids (`picture,lottery`) off in every chat that does not `/enable` them.
    var disabledFeatures: Set<String> = []
    var welcomeText = "欢迎 {user} 加入本群！"
    var farewellText = "{user} 离开了本群。"

    /// How each setting was read, in the order read: what `check-config` and the start-up log show.
    var readings: [ConfigurationReading] = []

    init() {}

    /// Reads the configuration from environment variables only.
    init(environment: [String: String]) throws {
        try self.init(sources: ConfigurationSources(environment: environment))
    }

    /// Reads the configuration from `sources`: flags, then the environment, then the file.
    init(sources: ConfigurationSources) throws {
        var settings = Settings(sources)
        host = try settings.text("HOST", default: host)
        port = try settings.integer("PORT", in: 0...65535, default: port)
        dataDirectory = URL(fileURLWithPath: try settings.text("VIO_DATA_DIR", default: dataDirectory.relativePath), isDirectory: true)
        database = try settings.database("DATABASE_URL")
        databaseTimeout = .seconds(try settings.integer("DATABASE_TIMEOUT", in: 1...120, default: 5))
        let retentionDays = try settings.integer("VIO_HISTORY_DAYS", in: 0...36_500, default: 30)
        conversationRetention = retentionDays == 0 ? nil : .seconds(retentionDays * 86_400)
        logLevel = try settings.logLevel("LOG_LEVEL", default: logLevel)
        logFormat = try settings.choice("LOG_FORMAT", default: logFormat)

        oneBotAccessToken = try settings.secret("ONEBOT_ACCESS_TOKEN")
        oneBotAPITimeout = .seconds(try settings.integer("ONEBOT_API_TIMEOUT", in: 1...600, default: 30))
        oneBotMaxFrameBytes = try settings.integer("ONEBOT_MAX_FRAME_BYTES", in: (64 << 10)...(256 << 20), default: oneBotMaxFrameBytes)
        oneBotWebSocketURLs = try settings.webSocketURLs("ONEBOT_WS_URLS")
        oneBotHTTPRoots = try settings.oneBotHTTPRoots("ONEBOT_HTTP_API_URL")
        oneBotSecret = try settings.secret("ONEBOT_SECRET")

        telegramToken = try settings.secret("BOT_TOKEN", "TELEGRAM_BOT_TOKEN")
        telegramAPIURL = try settings.url("TELEGRAM_API_URL", default: telegramAPIURL)
        telegramWebhookURL = try settings.url("TG_WEBHOOK_URL")
        telegramWebhookSecret = try settings.secret("TELEGRAM_WEBHOOK_SECRET")
        telegramSendsPerSecond = try settings.integer("TELEGRAM_SEND_RATE", in: 1...100_000, default: telegramSendsPerSecond)
        qqSplitCharacters = try settings.integer("VIO_QQ_SPLIT_CHARS", in: 100...4500, default: qqSplitCharacters)
        telegramEditInterval = try settings.seconds("VIO_TELEGRAM_EDIT_INTERVAL", in: 0.1...60, default: telegramEditInterval)

        httpAPIKey = try settings.secret("VIO_API_KEY")
        httpRequestsPerMinute = try settings.integer("VIO_HTTP_RATE_LIMIT", in: 0...100_000, default: httpRequestsPerMinute)
        consolePassword = try settings.secret("VIO_CONSOLE_PASSWORD")

        let chatURL = try settings.url("OPENAI_BASE_URL", "ChatGPTURL_proxy", "AIconfig.chatgpt_url_proxy", default: Defaults.openAI)
        let chatModel = try settings.text("OPENAI_MODEL", default: "gpt-4o-mini")
        models = try Self.list(settings.text("VIO_MODELS"))
        if let key = try settings.secret("OPENAI_API_KEY", "chatGPTAPIKey") {
            chat = ModelEndpoint(apiKey: key, baseURL: chatURL, model: models.first ?? chatModel)
        }
        chatRate = try settings.chatRate("VIO_CHAT_RATE", default: chatRate)
        chatDailyTokens = try settings.integer("VIO_CHAT_DAILY_TOKENS", in: 0...1_000_000_000, default: chatDailyTokens)
        chatTools = try settings.isOn("VIO_TOOLS", default: chatTools)
        toolRounds = try settings.integer("VIO_TOOL_ROUNDS", in: 1...10, default: toolRounds)
        memorySummary = try settings.isOn("VIO_MEMORY_SUMMARY", default: memorySummary)
        summaryEvery = try settings.integer("VIO_SUMMARY_EVERY", in: 2...100, default: summaryEvery)
        vision = try settings.isOn("VIO_VISION", default: vision)
        visionMaxBytes = try settings.integer("VIO_VISION_MAX_BYTES", in: (1 << 10)...(20 << 20), default: visionMaxBytes)
        persona = try settings.text("VIO_PERSONA", default: persona)
        if let path = try settings.text("VIO_PROMPTS_FILE") {
            let file = try Self.promptFile(at: path)
            prompts.add(contentsOf: file.presets)
            promptsFile = (path, file.skipped)
        }
        let roastURL = try settings.url("DEEPSEEK_BASE_URL", "AIconfig.deepseek_url", default: Defaults.deepSeek)
        let roastModel = try settings.text("DEEPSEEK_MODEL", default: "deepseek-chat")
        if let key = try settings.secret("DEEPSEEK_API_KEY", "DeepSeekAPIKey") {
            roast = ModelEndpoint(apiKey: key, baseURL: roastURL, model: roastModel)
        }

        pictureAPIURL = try settings.url("SETU_API_URL", default: pictureAPIURL)
        huntSoundBaseURL = try settings.url("HUNT_SOUND_BASE_URL", default: huntSoundBaseURL)
        superusers = try Self.list(settings.text("VIO_SUPERUSERS")).map(Self.superuser)
        disabledFeatures = Set(try Self.list(settings.text("VIO_DISABLED_FEATURES")).map { $0.lowercased() })
        welcomeText = try settings.text("VIO_WELCOME_TEXT", default: welcomeText)
        farewellText = try settings.text("VIO_FAREWELL_TEXT", default: farewellText)
        readings = settings.readings
    }

    /// The models a chat may choose with `/model`: `VIO_MODELS`, or just the chat model when it is unset.
    var chatModels: [String] {
        models.isEmpty ? chat.map { [$0.model] } ?? [] : models
    }

    /// `at most 10/60s, no daily token limit`: the chat limits as start-up reports them.
    var chatLimits: String {
        let rate = chatRate.map { "at most \($0) (VIO_CHAT_RATE)" } ?? "no rate limit"
        let tokens = chatDailyTokens > 0 ? "\(chatDailyTokens) tokens a day (VIO_CHAT_DAILY_TOKENS)" : "no daily token limit"
        return "\(rate), \(tokens)"
    }

    /// A comma-separated setting's entries (`,`, `，` or spaces between them).
    static func list(_ text: String?) -> [String] {
        (text ?? "").split(whereSeparator: { $0 == "," || $0 == "，" || $0.isWhitespace }).map(String.init)
    }

    /// The presets of the awesome-chatgpt-prompts-style file at `path`.
    static func promptFile(at path: String) throws -> (presets: [PromptPreset], skipped: [Int]) {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ConfigurationError(setting: "VIO_PROMPTS_FILE", problem: "\(path) cannot be read (\(error.localizedDescription)); check the path")
        }
        do {
            return try PromptLibrary.actPromptFile(data)
        } catch {
            throw ConfigurationError(setting: "VIO_PROMPTS_FILE", problem: "\(path): \(error)")
        }
    }

    /// One `VIO_SUPERUSERS` entry: `telegram:123456`, `onebot:10001` (or `qq:10001`), or a bare QQ number.
    static func superuser(_ entry: String) throws -> PlatformUser {
        let parts = entry.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        let (name, id) = parts.count == 2 ? (parts[0].lowercased(), String(parts[1])) : ("onebot", entry)
        guard !id.isEmpty else {
            throw ConfigurationError(setting: "VIO_SUPERUSERS", problem: "\(entry.debugDescription) has no id after the platform; write it as platform:id, e.g. telegram:123456")
        }
        let platform: Platform = switch name {
        case "qq", "onebot": .onebot
        default: Platform(name)
        }
        return PlatformUser(platform: platform, id: ID(id))
    }

    /// Whether events are taken by HTTP POST: when an HTTP API or a secret is set for it.
    var oneBotHTTPPostIsOn: Bool {
        oneBotHTTPRoots != nil || oneBotSecret != nil
    }

    /// Every secret set, for scrubbing text that may repeat one (an upstream's error).
    var secrets: [Redacted] {
        [chat?.apiKey, roast?.apiKey, telegramToken, telegramWebhookSecret, oneBotAccessToken, oneBotSecret, httpAPIKey, consolePassword]
            .compactMap { $0 } + (database?.password.map { [Redacted($0)] } ?? [])
    }

    /// Where everything is stored: PostgreSQL when `DATABASE_URL` is set, else SQLite in the data folder.
    var storage: StorageLocation {
        database.map { .postgres($0, timeout: databaseTimeout) } ?? .sqlite(directory: dataDirectory)
    }

    /// The addresses used when none is configured (literals, known to parse).
    enum Defaults {
        static let openAI = URL(string: "https://api.openai.com/v1")!
        static let telegramAPI = URL(string: "https://api.telegram.org")!
        static let deepSeek = URL(string: "https://api.deepseek.com")!
        static let pictureAPI = URL(string: "https://api.lolicon.app/setu/v2")!
        static let huntSounds = URL(string: "http://hunt.kamille.ovh/sounds/")!
    }
}

/// A setting that is present but cannot be used.
struct ConfigurationError: Error, CustomStringConvertible {
    let setting: String
    let problem: String

    var description: String { "\(setting): \(problem)" }
}

/// How log lines are written.
enum LogFormat: String, CaseIterable, Sendable {
    case text, json
}

/// One setting as it was read: its name, its value as shown (secrets masked) and where it came from.
struct ConfigurationReading: Sendable, Equatable {
    var name: String
    /// The value, masked for secrets; `nil` when the setting is not set and has no default.
    var shown: String?
    /// Where it came from; `nil` for the default.
    var source: SettingSource?

    /// `PORT = 9000 (environment PORT)`, `OPENAI_API_KEY = sk-…3456 (config.yaml OPENAI_API_KEY)`, `BOT_TOKEN not set`.
    var text: String {
        guard let shown else { return "\(name) not set" }
        return "\(name) = \(shown) (\(source.map(\.description) ?? "default"))"
    }
}

/// Lookups in the configuration's sources that treat empty values as unset, name the setting and
/// its source in errors, and record every reading.
private struct Settings {
    let sources: ConfigurationSources
    private(set) var readings: [ConfigurationReading] = []

    init(_ sources: ConfigurationSources) {
        self.sources = sources
    }

    /// The first of `names` that is set (see ``ConfigurationSources/lookup(_:)``), read by `parse`.
    private mutating func read<Value>(
        _ names: [String], default fallback: Value?, secret: Bool = false, shown show: (Value) -> String,
        parse: (String) throws(Problem) -> Value
    ) throws -> Value? {
        guard let (text, source) = try sources.lookup(names) else {
            readings.append(ConfigurationReading(name: names[0], shown: fallback.map(show), source: nil))
            return fallback
        }
        let value: Value
        do {
            value = try parse(text)
        } catch {
            throw ConfigurationError(setting: "\(names[0]) (\(source))", problem: "\(error.expectation), got '\(secret ? "\(Redacted(text))" : text)'")
        }
        readings.append(ConfigurationReading(name: names[0], shown: show(value), source: source))
        return value
    }

    private struct Problem: Error {
        let expectation: String
    }

    mutating func text(_ names: String...) throws -> String? {
        try read(names, default: nil, shown: { $0 }, parse: { $0 })
    }

    mutating func text(_ names: String..., default fallback: String) throws -> String {
        try read(names, default: fallback, shown: { $0 }, parse: { $0 }) ?? fallback
    }

    mutating func secret(_ names: String...) throws -> Redacted? {
        try read(names, default: nil, secret: true, shown: { "\($0)" }, parse: { Redacted($0) })
    }

    /// A `postgres://` URL, shown with its password masked.
    mutating func database(_ name: String) throws -> PostgresLocation? {
        try read([name], default: nil, secret: true, shown: \.maskedURL) { text throws(Problem) in
            do throws(PostgresLocation.InvalidURL) {
                return try PostgresLocation(url: text)
            } catch {
                throw Problem(expectation: error.description)
            }
        }
    }

    /// A ``ChatRate`` such as `10/min`; `nil` for `0` or `off`.
    mutating func chatRate(_ name: String, default fallback: ChatRate?) throws -> ChatRate? {
        try read([name], default: .some(fallback), shown: { $0.map(\.description) ?? "off" }) { text throws(Problem) -> ChatRate? in
            if ["0", "off"].contains(text.lowercased()) { return nil }
            guard let rate = ChatRate(text) else {
                throw Problem(expectation: "expected calls per window such as 10/min, 3/30s or 100/h, or 0 for no limit")
            }
            return rate
        } ?? fallback
    }

    /// `on` or `off` (also `true`/`false`, `yes`/`no`, `1`/`0`).
    mutating func isOn(_ name: String, default fallback: Bool) throws -> Bool {
        try read([name], default: fallback, shown: { $0 ? "on" : "off" }) { text throws(Problem) in
            switch text.lowercased() {
            case "on", "true", "yes", "1": return true
            case "off", "false", "no", "0": return false
            default: throw Problem(expectation: "expected on or off")
            }
        } ?? fallback
    }

    mutating func integer(_ name: String, in range: ClosedRange<Int>, default fallback: Int) throws -> Int {
        try read([name], default: fallback, shown: { "\($0)" }) { text throws(Problem) in
            guard let value = Int(text), range.contains(value) else {
                throw Problem(expectation: "expected a whole number from \(range.lowerBound) to \(range.upperBound)")
            }
            return value
        } ?? fallback
    }

    /// A number of seconds, fractions allowed (`0.5`).
    mutating func seconds(_ name: String, in range: ClosedRange<Double>, default fallback: Duration) throws -> Duration {
        try read([name], default: fallback, shown: { "\($0)" }) { text throws(Problem) in
            guard let value = Double(text), range.contains(value) else {
                throw Problem(expectation: "expected seconds from \(range.lowerBound) to \(range.upperBound)")
            }
            return .milliseconds(Int((value * 1000).rounded()))
        } ?? fallback
    }

    mutating func url(_ names: String...) throws -> URL? {
        try read(names, default: nil, shown: \.absoluteString, parse: Self.url)
    }

    mutating func url(_ names: String..., default fallback: URL) throws -> URL {
        try read(names, default: fallback, shown: \.absoluteString, parse: Self.url) ?? fallback
    }

    private static func url(_ text: String) throws(Problem) -> URL {
        guard let url = URL(string: text), let scheme = url.scheme, ["http", "https"].contains(scheme.lowercased()), url.host != nil else {
            throw Problem(expectation: "expected an http(s) URL such as https://api.example.com/v1")
        }
        return url
    }

    /// A comma-separated list of `ws://` or `wss://` URLs, shown with any `access_token` masked.
    mutating func webSocketURLs(_ name: String) throws -> [String] {
        try read([name], default: nil, shown: { $0.map(ForwardLink.masked).joined(separator: ",") }) { text throws(Problem) in
            let urls = text.split(whereSeparator: { $0 == "," || $0.isWhitespace }).map(String.init)
            for url in urls {
                guard let parsed = URL(string: url), let scheme = parsed.scheme?.lowercased(), ["ws", "wss"].contains(scheme), parsed.host != nil else {
                    throw Problem(expectation: "expected ws:// or wss:// URLs separated by commas, such as ws://127.0.0.1:3001 ('\(ForwardLink.masked(url))' is not one)")
                }
            }
            return urls
        } ?? []
    }

    /// One HTTP API root, or `self_id=url` pairs.
    mutating func oneBotHTTPRoots(_ name: String) throws -> OneBotHTTPRoots? {
        try read([name], default: nil, shown: \.description) { text throws(Problem) in
            do throws(OneBotHTTPRoots.Problem) {
                return try OneBotHTTPRoots(text)
            } catch {
                throw Problem(expectation: error.description)
            }
        }
    }

    mutating func logLevel(_ name: String, default fallback: LogLevel) throws -> LogLevel {
        let levels: [LogLevel] = [.trace, .debug, .info, .notice, .warning, .error, .critical]
        return try read([name], default: fallback, shown: \.description) { text throws(Problem) in
            guard let level = levels.first(where: { $0.description == text.lowercased() }) else {
                throw Problem(expectation: "expected one of \(levels.map(\.description).joined(separator: ", "))")
            }
            return level
        } ?? fallback
    }

    mutating func choice<Choice: RawRepresentable & CaseIterable>(_ name: String, default fallback: Choice) throws -> Choice where Choice.RawValue == String {
        try read([name], default: fallback, shown: \.rawValue) { text throws(Problem) in
            guard let choice = Choice(rawValue: text.lowercased()) else {
                throw Problem(expectation: "expected one of \(Choice.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return choice
        } ?? fallback
    }
}

extension [Redacted] {
    /// `text` with every one of these secrets replaced by its redacted form.
    func scrub(_ text: String) -> String {
        reduce(text) { $1.scrub($0) }
    }
}
