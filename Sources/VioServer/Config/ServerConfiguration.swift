import Foundation
import VioCore

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
    var logLevel = LogLevel.info

    var oneBotAccessToken: Redacted?
    var oneBotAPITimeout: Duration = .seconds(30)
    /// The largest OneBot message (one JSON document) a peer may send. Implementations send each as
    /// one WebSocket frame, and real ones are megabytes: member lists of big groups, forwarded
    /// histories, inline base64 images.
    var oneBotMaxFrameBytes = 16 << 20

    /// `BOT_TOKEN` (VioGo's name) or `TELEGRAM_BOT_TOKEN`: Telegram is on when set.
    var telegramToken: Redacted?
    /// `TELEGRAM_API_URL`: the Bot API root (a local Bot API server, or a test fake).
    var telegramAPIURL = Defaults.telegramAPI
    /// `TG_WEBHOOK_URL` (VioGo's name): Telegram delivers to it + the token; long polling without it.
    var telegramWebhookURL: URL?
    /// `TELEGRAM_WEBHOOK_SECRET`: the webhook's secret token; one is generated and kept in the data folder otherwise.
    var telegramWebhookSecret: Redacted?

    /// `VIO_API_KEY`: when set, the HTTP chat endpoints need `Authorization: Bearer <key>`.
    var httpAPIKey: Redacted?
    /// `VIO_HTTP_RATE_LIMIT`: requests a minute one client address may make of the HTTP chat endpoints; 0 for no limit.
    var httpRequestsPerMinute = 60

    /// The chat model; `nil` when no key is set.
    var chat: ModelEndpoint?
    /// The preset id the chat persona comes from.
    var persona = "vio"
    /// The model for 锐评一下 when a DeepSeek key is set; otherwise the chat model is used.
    var roast: ModelEndpoint?

    var pictureAPIURL = Defaults.pictureAPI
    var huntSoundBaseURL = Defaults.huntSounds
    /// `VIO_SUPERUSERS`: `platform:id` entries (`onebot:10001,telegram:123456`); a bare number is a QQ account.
    var superusers: [PlatformUser] = []
    var welcomeText = "欢迎 {user} 加入本群！"
    var farewellText = "{user} 离开了本群。"

    init() {}

    /// Reads the configuration from environment variables.
    init(environment: [String: String]) throws {
        let settings = Settings(environment)
        host = settings["HOST"] ?? host
        port = try settings.integer("PORT", in: 1...65535) ?? port
        if let directory = settings["VIO_DATA_DIR"] { dataDirectory = URL(fileURLWithPath: directory, isDirectory: true) }
        logLevel = try settings.logLevel("LOG_LEVEL") ?? logLevel

        oneBotAccessToken = settings["ONEBOT_ACCESS_TOKEN"].map { Redacted($0) }
        oneBotAPITimeout = .seconds(try settings.integer("ONEBOT_API_TIMEOUT", in: 1...600) ?? 30)
        oneBotMaxFrameBytes = try settings.integer("ONEBOT_MAX_FRAME_BYTES", in: (64 << 10)...(256 << 20)) ?? oneBotMaxFrameBytes

        telegramToken = settings["BOT_TOKEN", "TELEGRAM_BOT_TOKEN"].map { Redacted($0) }
        telegramAPIURL = try settings.url("TELEGRAM_API_URL") ?? telegramAPIURL
        telegramWebhookURL = try settings.url("TG_WEBHOOK_URL")
        telegramWebhookSecret = settings["TELEGRAM_WEBHOOK_SECRET"].map { Redacted($0) }

        httpAPIKey = settings["VIO_API_KEY"].map { Redacted($0) }
        httpRequestsPerMinute = try settings.integer("VIO_HTTP_RATE_LIMIT", in: 0...100_000) ?? httpRequestsPerMinute

        let chatURL = try settings.url("OPENAI_BASE_URL", "ChatGPTURL_proxy") ?? Defaults.openAI
        if let key = settings["OPENAI_API_KEY", "chatGPTAPIKey"] {
            chat = ModelEndpoint(apiKey: Redacted(key), baseURL: chatURL, model: settings["OPENAI_MODEL"] ?? "gpt-4o-mini")
        }
        persona = settings["VIO_PERSONA"] ?? persona
        let roastURL = try settings.url("DEEPSEEK_BASE_URL") ?? Defaults.deepSeek
        if let key = settings["DEEPSEEK_API_KEY", "DeepSeekAPIKey"] {
            roast = ModelEndpoint(apiKey: Redacted(key), baseURL: roastURL, model: settings["DEEPSEEK_MODEL"] ?? "deepseek-chat")
        }

        pictureAPIURL = try settings.url("SETU_API_URL") ?? pictureAPIURL
        huntSoundBaseURL = try settings.url("HUNT_SOUND_BASE_URL") ?? huntSoundBaseURL
        superusers = try (settings["VIO_SUPERUSERS"] ?? "")
            .split(whereSeparator: { $0 == "," || $0 == "，" || $0.isWhitespace })
            .map { try Self.superuser(String($0)) }
        welcomeText = settings["VIO_WELCOME_TEXT"] ?? welcomeText
        farewellText = settings["VIO_FAREWELL_TEXT"] ?? farewellText
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

/// Environment lookups that treat empty values as unset and name the setting in errors.
private struct Settings {
    let environment: [String: String]

    init(_ environment: [String: String]) {
        self.environment = environment
    }

    /// The first of `names` that is set to a non-empty value.
    subscript(names: String...) -> String? {
        for name in names {
            if let value = environment[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty { return value }
        }
        return nil
    }

    func integer(_ name: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let text = self[name] else { return nil }
        guard let value = Int(text), range.contains(value) else {
            throw ConfigurationError(setting: name, problem: "expected a whole number from \(range.lowerBound) to \(range.upperBound), got '\(text)'")
        }
        return value
    }

    func url(_ names: String...) throws -> URL? {
        for name in names {
            guard let text = self[name] else { continue }
            guard let url = URL(string: text), let scheme = url.scheme, ["http", "https"].contains(scheme.lowercased()), url.host != nil else {
                throw ConfigurationError(setting: name, problem: "expected an http(s) URL, got '\(text)'")
            }
            return url
        }
        return nil
    }

    func logLevel(_ name: String) throws -> LogLevel? {
        guard let text = self[name] else { return nil }
        let levels: [LogLevel] = [.trace, .debug, .info, .notice, .warning, .error, .critical]
        guard let level = levels.first(where: { $0.description == text.lowercased() }) else {
            throw ConfigurationError(setting: name, problem: "expected one of \(levels.map(\.description).joined(separator: ", ")), got '\(text)'")
        }
        return level
    }
}
