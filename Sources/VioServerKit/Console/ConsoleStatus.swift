import Foundation
import VioCore
import VioStorage

/// The console's status page as JSON (`GET /console/status`, and each `status` event of
/// `GET /console/events`): what runs, what is connected, what to set next. No key or token
/// appears in it: endpoints show their host, databases their place without the password, and
/// the model's errors are scrubbed of every secret the server knows.
struct ConsoleStatus: Encodable, Sendable {
    /// One step of the first-run checklist: done, or what to set and the README section that explains it.
    struct Step: Encodable, Sendable, Equatable {
        let title: String
        let done: Bool
        let next: String?
        let readme: String
    }

    /// A platform or a part of the server, on or off and why (the start-up report's lines).
    struct Part: Encodable, Sendable, Equatable {
        let name: String
        let on: Bool
        let detail: String
    }

    /// A connected bot account and what it has done since the server started.
    struct Bot: Encodable, Sendable, Equatable {
        let platform: String
        let account: String
        let name: String
        let connection: String
        let implementation: String?
        let connectedSince: Date?
        let eventsIn: Int
        let actionsOut: Int
        let actionsFailed: Int
        let actionsTimedOut: Int
        let lastEventAt: Date?
    }

    /// A chat model: where (the host only), how many requests, how fast lately.
    struct Model: Encodable, Sendable, Equatable {
        let role: String
        let model: String
        let host: String
        let requests: Int
        let failures: Int
        let recentMedianMilliseconds: Int?
        let lastFailure: String?
    }

    let version: String
    let uptimeSeconds: Int
    /// Who may open the console.
    let access: String
    let store: String
    let storeReady: Bool
    let checklist: [Step]
    let parts: [Part]
    let bots: [Bot]
    let models: [Model]
    let eventsHandled: Int
    let eventsDropped: Int
}

/// Builds ``ConsoleStatus`` from what the server knows now.
struct ConsoleStatusSource: Sendable {
    let configuration: ServerConfiguration
    let directory: PlatformDirectory
    let activity: BotActivity
    let storage: ServerStorage
    let started: ContinuousClock.Instant
    /// The start-up report's lines, scrubbed: the settings do not change while the server runs.
    private let parts: [ConsoleStatus.Part]

    init(configuration: ServerConfiguration, directory: PlatformDirectory, activity: BotActivity, storage: ServerStorage, started: ContinuousClock.Instant) {
        self.configuration = configuration
        self.directory = directory
        self.activity = activity
        self.storage = storage
        self.started = started
        parts = StartupReport(configuration).lines.map { line in
            ConsoleStatus.Part(name: line.feature, on: line.isOn, detail: configuration.secrets.scrub(line.detail))
        }
    }

    func status() async -> ConsoleStatus {
        let connected = await directory.connectedBots()
        let counts = activity.accounts
        return ConsoleStatus(
            version: VioServerCommand.version,
            uptimeSeconds: Int((ContinuousClock.now - started).components.seconds),
            access: ConsoleAccess<HTTPRouteContext>.describe(password: configuration.consolePassword),
            store: configuration.storage.description,
            storeReady: storage.notReadyReason == nil,
            checklist: checklist(connected: connected),
            parts: parts,
            bots: connected.map { bot in
                let done = counts[BotAccount(platform: bot.platform, id: bot.account)] ?? BotActivity.Counts()
                return ConsoleStatus.Bot(
                    platform: bot.platform.rawValue, account: "\(bot.account)", name: bot.name, connection: bot.connection,
                    implementation: bot.implementation, connectedSince: bot.since, eventsIn: done.eventsIn, actionsOut: done.actionsOut,
                    actionsFailed: done.actionsFailed, actionsTimedOut: done.actionsTimedOut, lastEventAt: done.lastEventAt)
            },
            models: models(),
            eventsHandled: activity.eventsHandled,
            eventsDropped: activity.eventsDropped)
    }

    /// What a newcomer sets next: a connected QQ account, Telegram, the model, the OneBot token.
    func checklist(connected: [ConnectedBot]) -> [ConsoleStatus.Step] {
        /// A step, with what to set only while it is not done.
        func step(_ title: String, done: Bool, next: String, readme: String) -> ConsoleStatus.Step {
            ConsoleStatus.Step(title: title, done: done, next: done ? nil : next, readme: readme)
        }
        let address = "ws://\(StartupReport.browsableHost(configuration.host)):\(configuration.port)/onebot/v11/ws"
        return [
            step("A QQ account connected", done: connected.contains { $0.platform == .onebot },
                 next: "point your OneBot implementation's reverse WebSocket (NapCat, Lagrange.OneBot, go-cqhttp) at \(address)",
                 readme: "Running the QQ bot"),
            step("Telegram", done: configuration.telegramToken != nil,
                 next: "set BOT_TOKEN to the token @BotFather gave you", readme: "Running the Telegram bot"),
            step("A chat model", done: configuration.chat != nil,
                 next: "set OPENAI_API_KEY (and OPENAI_BASE_URL, OPENAI_MODEL for another OpenAI-compatible provider)",
                 readme: "Configuration"),
            step("OneBot connections need a token", done: configuration.oneBotAccessToken != nil,
                 next: "set ONEBOT_ACCESS_TOKEN, and the same token in your OneBot implementation", readme: "Running the QQ bot"),
        ]
    }

    private func models() -> [ConsoleStatus.Model] {
        let counts = activity.models
        let endpoints = [("chat", configuration.chat), ("roast", configuration.roast)].compactMap { role, endpoint in endpoint.map { (role, $0) } }
        return endpoints.map { role, endpoint in
            let done = counts[endpoint.model] ?? BotActivity.ModelCounts()
            return ConsoleStatus.Model(
                role: role, model: endpoint.model, host: endpoint.baseURL.host ?? endpoint.baseURL.absoluteString,
                requests: done.requests, failures: done.failures,
                recentMedianMilliseconds: done.recentMedian.map { Int($0 / .milliseconds(1)) },
                lastFailure: done.lastFailure.map(configuration.secrets.scrub))
        }
    }
}
