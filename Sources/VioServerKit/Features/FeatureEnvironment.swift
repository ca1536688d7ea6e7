import Foundation
import VioCore

/// What the features need from the server; built once at start-up.
///
/// ```swift
/// let environment = FeatureEnvironment(
///     configuration: configuration, transport: transport,
///     conversations: storage.conversations, records: storage.records, metrics: metrics,
///     status: { ServerStatus(uptime: clock.now - started, connectedBots: await directory.connectedBots().map(\.name), linksDown: directory.linksDown) })
/// VioFeatures.install(on: &bot, environment: environment)
/// ```
struct FeatureEnvironment: Sendable {
    var configuration: ServerConfiguration
    /// The OpenAI-compatible models and the picture API are reached through this.
    var transport: any HTTPTransport
    var conversations: any ConversationStore
    /// The recall log, recall records and per-chat settings (r18).
    var records: any KeyValueStore
    /// Where model requests are counted; none in feature tests.
    var metrics: ServerMetrics?
    var now: @Sendable () -> Date = { Date() }
    var random: @Sendable (ClosedRange<Int>) -> Int = { Int.random(in: $0) }
    /// For `/ping`.
    var status: @Sendable () async -> ServerStatus
}

/// How the server is doing, as `/ping` reports it.
struct ServerStatus: Sendable {
    var uptime: Duration
    /// The bot accounts connected now, on every platform (`QQ 10001`).
    var connectedBots: [String]
    /// The connections vio-server dials that are not up now, with why (`ws://nas:3001（重连中：…）`).
    var linksDown: [String] = []
}
