// Plays a OneBot peer against a real vio-server over one reverse WebSocket and measures what an
// event costs: start-up time to /healthz, idle memory, events/s, server CPU per event, latency.
//
//   swift build -c release --product vio-server && swift run -c release VioLoad
//
// The peer's own work runs on one thread (see main.swift) and reads the server's calls without a
// JSON decoder, so that on a 2-core machine it leaves the other core to the server.
import ArgumentParser
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import HTTPTypes
import HummingbirdWSClient
import Logging
import Synchronization

struct VioLoad: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure vio-server under a OneBot /ping load (start it, load it, stop it).")

    @Option(help: "The vio-server binary to start (build it with -c release first).")
    var server = ".build/release/vio-server"

    @Option(help: "The loopback port to start it on.")
    var port = 18990

    @Option(help: "Events measured (after the warm-up).")
    var events = 20_000

    @Option(help: "Events sent before measuring.")
    var warmup = 2_000

    @Option(help: "Events in flight at once.")
    var window = 64

    @Option(help: "Measured rounds, each on a new connection; the summary gives their median and range.")
    var rounds = 5

    func run() async throws {
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("vio-load-\(UUID().uuidString)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: server)
        process.environment = ["PORT": "\(port)", "HOST": "127.0.0.1", "VIO_DATA_DIR": data.path, "LOG_LEVEL": "error"]
        let started = ContinuousClock.now
        try process.run()
        defer { try? FileManager.default.removeItem(at: data) }

        try await waitForHealth()
        let startup = ContinuousClock.now - started
        try await Task.sleep(for: .seconds(1))  // let start-up allocations settle before reading idle memory
        let idleRSS = ProcessStats.residentKiB(pid: process.processIdentifier)

        print(String(format: "start-up to /healthz: %.1f ms", startup.milliseconds))
        print("idle RSS: \(idleRSS / 1024) MiB (\(idleRSS) KiB)")
        print("rounds of \(events) events (after \(warmup) warm-up), window \(window):")
        var results: [LoadRun.Result] = []
        for round in 1...max(rounds, 1) {
            let load = try await LoadRun(port: port, window: window).measure(warmup: warmup, events: events, serverPID: process.processIdentifier)
            results.append(load)
            print(String(format: "  %d: %6.0f events/s, server CPU %5.1f µs/event, latency p50 %.2f ms, p99 %.2f ms",
                         round, load.eventsPerSecond, load.serverCPUMicroseconds, load.p50.milliseconds, load.p99.milliseconds))
        }
        print("median (range):")
        print("  events/s: " + Self.summary(results.map(\.eventsPerSecond), format: "%.0f"))
        print("  server CPU per event: " + Self.summary(results.map(\.serverCPUMicroseconds), format: "%.1f") + " µs")
        print("  latency p50: " + Self.summary(results.map(\.p50.milliseconds), format: "%.2f") + " ms")
        print("  latency p99: " + Self.summary(results.map(\.p99.milliseconds), format: "%.2f") + " ms")

        process.terminate()
        process.waitUntilExit()
        print("server exit status after SIGTERM: \(process.terminationStatus)")
    }

    /// "median (lowest–highest)".
    private static func summary(_ values: [Double], format: String) -> String {
        let sorted = values.sorted()
        let median = sorted[sorted.count / 2]
        return String(format: format, median) + " (" + String(format: format, sorted[0]) + "–" + String(format: format, sorted[sorted.count - 1]) + ")"
    }

    private func waitForHealth() async throws {
        guard let url = URL(string: "http://127.0.0.1:\(port)/healthz") else { throw ValidationError("bad port") }
        for _ in 0..<2000 {
            if let (_, response) = try? await URLSession.shared.data(from: url), (response as? HTTPURLResponse)?.statusCode == 200 { return }
            try await Task.sleep(for: .milliseconds(1))
        }
        throw ValidationError("vio-server did not answer /healthz")
    }
}

/// One measured load: the peer sends `/ping` from a distinct user per event and answers every
/// `send_msg` the server calls; an event's latency is from sending it to receiving its reply.
struct LoadRun {
    struct Result {
        var eventsPerSecond: Double
        var serverCPUMicroseconds: Double
        var p50: Duration
        var p99: Duration
    }

    let port: Int
    let window: Int
    static let selfID: Int64 = 2_000_000_001

    /// Send times and latencies, shared by the sending loop and the reading task.
    final class Tracker: Sendable {
        private let state: Mutex<(sentAt: [ContinuousClock.Instant?], latencies: [Duration])>
        let warmup: Int

        init(total: Int, warmup: Int) {
            state = Mutex((Array(repeating: nil, count: total), []))
            self.warmup = warmup
        }

        func sent(_ index: Int) {
            state.withLock { $0.sentAt[index] = ContinuousClock.now }
        }

        /// Records the reply to event `index`; returns how many measured replies arrived so far.
        func answered(_ index: Int) -> Int {
            state.withLock { state in
                if index >= warmup, let start = state.sentAt[index] { state.latencies.append(ContinuousClock.now - start) }
                return state.latencies.count
            }
        }

        var latencies: [Duration] { state.withLock { $0.latencies } }
    }

    func measure(warmup: Int, events: Int, serverPID: Int32) async throws -> Result {
        let tracker = Tracker(total: warmup + events, warmup: warmup)
        let (replies, replyInput) = AsyncStream.makeStream(of: Int.self)
        var configuration = WebSocketClientConfiguration()
        configuration.additionalHeaders[HTTPField.Name("X-Self-ID")!] = String(Self.selfID)
        var logger = Logger(label: "vio-load")
        logger.logLevel = .error
        let window = self.window

        let span = try await WebSocketClient.connectReturning(url: "ws://127.0.0.1:\(port)/onebot/v11/ws", configuration: configuration, logger: logger) { inbound, outbound in
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    for try await case .text(let text) in inbound.messages(maxSize: 1 << 20) {
                        guard let echo = Self.field("echo", in: text), let user = Self.field("user_id", in: text).flatMap({ Int($0) }) else {
                            throw ValidationError("the server sent a call the load peer does not understand: \(text)")
                        }
                        try await outbound.write(.text(#"{"status":"ok","retcode":0,"data":{"message_id":1},"echo":"\#(echo)"}"#))
                        let count = tracker.answered(user - 100_000)
                        replyInput.yield(count)
                        if count == events { replyInput.finish() }
                    }
                }
                var answered = replies.makeAsyncIterator()
                var start = (time: ContinuousClock.now, cpu: 0.0)
                for index in 0..<(warmup + events) {
                    if index >= window { _ = await answered.next() }
                    if index == warmup { start = (ContinuousClock.now, ProcessStats.cpuSeconds(pid: serverPID)) }
                    tracker.sent(index)
                    try await outbound.write(.text(Self.event(index)))
                }
                while await answered.next() != nil {}
                let end = (time: ContinuousClock.now, cpu: ProcessStats.cpuSeconds(pid: serverPID))
                group.cancelAll()
                return (elapsed: (end.time - start.time).seconds, cpu: end.cpu - start.cpu)
            }
        }

        let sorted = tracker.latencies.sorted()
        guard !sorted.isEmpty else { throw ValidationError("nothing was measured") }
        return Result(
            eventsPerSecond: Double(events) / span.elapsed,
            serverCPUMicroseconds: span.cpu / Double(events) * 1e6,
            p50: sorted[sorted.count / 2],
            p99: sorted[min(sorted.count - 1, sorted.count * 99 / 100)])
    }

    /// The value of the first `"name":` in a compact JSON object, without its quotes: enough for the
    /// `echo` and `user_id` of the server's `send_msg` calls, which hold no escapes.
    static func field(_ name: String, in json: String) -> Substring? {
        guard let key = json.range(of: "\"\(name)\":") else { return nil }
        let value = json[key.upperBound...].drop { $0 == "\"" }
        return value.prefix { $0 != "\"" && $0 != "," && $0 != "}" }
    }

    /// A go-cqhttp private message event, ~500 bytes like the ones performance.md measured.
    static func event(_ index: Int) -> String {
        let user = 100_000 + index
        return #"{"time":1700000000,"self_id":\#(selfID),"post_type":"message","message_type":"private","sub_type":"friend","message_id":\#(index + 1),"user_id":\#(user),"message":[{"type":"text","data":{"text":"/ping"}}],"raw_message":"/ping","font":0,"sender":{"user_id":\#(user),"nickname":"load tester","sex":"unknown","age":0}}"#
    }
}

/// What /proc says about a process.
enum ProcessStats {
    /// User plus system CPU time in seconds.
    static func cpuSeconds(pid: Int32) -> Double {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let afterName = stat.range(of: ") ")
        else { return 0 }
        let fields = stat[afterName.upperBound...].split(separator: " ")
        // Fields 14 and 15 of stat (utime, stime) are the 12th and 13th after the name.
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return 0 }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// Resident memory in KiB.
    static func residentKiB(pid: Int32) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return 0 }
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") }
        return line.flatMap { Int($0.split(separator: " ").dropFirst().first ?? "") } ?? 0
    }
}

extension WebSocketClient {
    /// Connects, runs `body` with the connection and returns what it returns.
    static func connectReturning<Value: Sendable>(
        url: String, configuration: WebSocketClientConfiguration, logger: Logger,
        _ body: @escaping @Sendable (WebSocketInboundStream, WebSocketOutboundWriter) async throws -> Value
    ) async throws -> Value {
        let result = Mutex<Value?>(nil)
        try await connect(url: url, configuration: configuration, logger: logger) { inbound, outbound, _ in
            let value = try await body(inbound, outbound)
            result.withLock { $0 = value }
        }
        guard let value = result.withLock({ $0 }) else { throw ValidationError("the connection closed before the run ended") }
        return value
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
    var milliseconds: Double { seconds * 1000 }
}
