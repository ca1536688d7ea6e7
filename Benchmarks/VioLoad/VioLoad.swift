// Loads a real vio-server on one platform and measures what an event costs: start-up time to
// /healthz, idle memory, events/s, server CPU per event, latency.
//
//   swift build -c release --product vio-server && swift run -c release VioLoad                  # OneBot /ping
//   swift run -c release VioLoad --platform telegram     # Telegram long polling, batches of 100 /ping updates
//   swift run -c release VioLoad --platform chat         # POST /v1/chat, 32 clients, a fake model
//   swift run -c release VioLoad --platform post         # POST /post, the same
//   swift run -c release VioLoad --group --database-url "$DATABASE_URL"   # group /ping (logged for 撤回了什么) on PostgreSQL
//   swift run -c release VioLoad --platform first-text   # a slow streaming model: its first token to the first text in chat
//
// The load's own work runs on one thread (see main.swift) and reads the server's calls without a
// JSON decoder, so that on a 2-core machine it leaves the other core to the server.
import ArgumentParser
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

struct VioLoad: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure vio-server under a /ping load on OneBot or Telegram, or a chat load over HTTP (start it, load it, stop it).")

    /// What carries the load.
    enum LoadPlatform: String, ExpressibleByArgument, CaseIterable {
        case onebot, telegram, chat, post
        case firstText = "first-text"
    }

    @Option(help: "The vio-server binary (or HummingbirdFloor) to start; build it with -c release first.")
    var server = ".build/release/vio-server"

    @Option(help: "onebot (reverse WebSocket), telegram (long polling), chat (POST /v1/chat), post (POST /post) or first-text (streamed answers on Telegram and QQ).")
    var platform = LoadPlatform.onebot

    @Option(help: "The loopback port to start it on.")
    var port = 18990

    @Option(help: "Events (or requests) measured, after the warm-up.")
    var events = 20_000

    @Option(help: "Events sent before measuring.")
    var warmup = 2_000

    @Option(help: "OneBot: events in flight at once. HTTP: concurrent clients.")
    var window = 64

    @Flag(help: "OneBot: group /ping messages, each logged to the store for 撤回了什么, instead of private ones.")
    var group = false

    @Option(name: .customLong("database-url"), help: "Run the server on this PostgreSQL database (DATABASE_URL) instead of SQLite.")
    var databaseURL: String?

    @Option(help: "Measured rounds (OneBot: each on a new connection; others: each on a new server); the summary gives their median and range.")
    var rounds = 5

    @Option(help: "first-text: chat turns per platform, one at a time.")
    var turns = 20

    func run() async throws {
        let target = ServerUnderLoad(binary: server, port: port, settings: databaseURL.map { ["DATABASE_URL": $0] } ?? [:])
        var results: [LoadResult] = []
        if platform != .firstText { print("\(platform): rounds of \(events) events (after \(warmup) warm-up), window \(window):") }
        switch platform {
        case .onebot:
            let pid = try await target.start([:])
            try await Task.sleep(for: .seconds(1))  // let start-up allocations settle before reading idle memory
            let idleRSS = ProcessStats.residentKiB(pid: pid)
            print(String(format: "start-up to /healthz: %.1f ms", target.startup.milliseconds))
            print("idle RSS: \(idleRSS / 1024) MiB (\(idleRSS) KiB)")
            for round in 1...max(rounds, 1) {
                results.append(try await OneBotLoad(port: port, window: window, group: group).measure(warmup: warmup, events: events, serverPID: pid))
                Self.report(round, results[results.count - 1])
            }
            print("server exit status after SIGTERM: \(target.stop())")
        case .telegram:
            for round in 1...max(rounds, 1) {
                results.append(try await TelegramLoad.measure(warmup: warmup, events: events, server: target))
                Self.report(round, results[results.count - 1])
            }
        case .firstText:
            return try await measureFirstText(target)
        case .chat, .post:
            let load = HTTPLoad(endpoint: platform == .chat ? .chat : .post, clients: window)
            for round in 1...max(rounds, 1) {
                results.append(try await load.measure(warmup: warmup, requests: events, server: target))
                Self.report(round, results[results.count - 1])
            }
        }
        print("median (range):")
        print("  events/s: " + Self.summary(results.map(\.eventsPerSecond), format: "%.0f"))
        print("  server CPU per event: " + Self.summary(results.map(\.serverCPUMicroseconds), format: "%.1f") + " µs")
        print("  latency p50: " + Self.summary(results.map(\.p50.milliseconds), format: "%.2f") + " ms")
        print("  latency p99: " + Self.summary(results.map(\.p99.milliseconds), format: "%.2f") + " ms")
    }

    /// The first-text figures: each platform's gaps after the model's token, median and range.
    private func measureFirstText(_ target: ServerUnderLoad) async throws {
        print("first-text: \(turns) turns a platform; the model's first token after \(FirstTextLoad.firstTokenDelay), a piece every \(FirstTextLoad.pieceInterval)")
        let telegram = try await FirstTextLoad.telegram(turns: turns, server: target).map(\.milliseconds)
        print("  Telegram, first token to first sendMessage: " + Self.summary(telegram, format: "%.1f") + " ms")
        let qq = try await FirstTextLoad.qq(turns: turns, server: target).map(\.milliseconds)
        print("  QQ, first part complete at the model to its send_msg: " + Self.summary(qq, format: "%.1f") + " ms")
    }

    private static func report(_ round: Int, _ load: LoadResult) {
        print(String(format: "  %d: %6.0f events/s, server CPU %5.1f µs/event, latency p50 %.2f ms, p99 %.2f ms",
                     round, load.eventsPerSecond, load.serverCPUMicroseconds, load.p50.milliseconds, load.p99.milliseconds))
    }

    /// "median (lowest–highest)".
    private static func summary(_ values: [Double], format: String) -> String {
        let sorted = values.sorted()
        let median = sorted[sorted.count / 2]
        return String(format: format, median) + " (" + String(format: format, sorted[0]) + "–" + String(format: format, sorted[sorted.count - 1]) + ")"
    }
}

/// The server being measured: started on a loopback port with a fresh data folder and the settings
/// a load needs, ready once `/healthz` answers; stopped with SIGTERM.
final class ServerUnderLoad: @unchecked Sendable {
    let binary: String
    let port: Int
    /// Settings every start gets (the database).
    let settings: [String: String]
    private var process: Process?
    private var data: URL?
    /// From launch to the first `/healthz` answer, of the last start.
    private(set) var startup: Duration = .zero

    init(binary: String, port: Int, settings: [String: String] = [:]) {
        self.binary = binary
        self.port = port
        self.settings = settings
    }

    /// Starts the server with `settings` beside the defaults; returns its process id once it serves
    /// (and, on a database, once `/readyz` says it is connected).
    func start(_ settings: [String: String]) async throws -> Int32 {
        let settings = self.settings.merging(settings) { _, given in given }
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("vio-load-\(UUID().uuidString)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.environment = ["PORT": "\(port)", "HOST": "127.0.0.1", "VIO_DATA_DIR": data.path, "LOG_LEVEL": "error"]
            .merging(settings) { _, given in given }
        let started = ContinuousClock.now
        try process.run()
        self.process = process
        self.data = data
        try await waitFor("healthz")
        startup = ContinuousClock.now - started
        if settings["DATABASE_URL"] != nil { try await waitFor("readyz") }
        return process.processIdentifier
    }

    /// Sends SIGTERM, waits for the exit and removes the data folder; the exit status.
    @discardableResult
    func stop() -> Int32 {
        guard let process else { return -1 }
        process.terminate()
        process.waitUntilExit()
        if let data { try? FileManager.default.removeItem(at: data) }
        self.process = nil
        return process.terminationStatus
    }

    private func waitFor(_ path: String) async throws {
        guard let url = URL(string: "http://127.0.0.1:\(port)/\(path)") else { throw ValidationError("bad port") }
        for _ in 0..<2000 {
            if let (_, response) = try? await URLSession.shared.data(from: url), (response as? HTTPURLResponse)?.statusCode == 200 { return }
            try await Task.sleep(for: .milliseconds(1))
        }
        throw ValidationError("the server did not answer /healthz")
    }
}
