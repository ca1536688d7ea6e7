import ArgumentParser
import Foundation
import Hummingbird
import Synchronization

/// What one measured round found.
struct LoadResult {
    var eventsPerSecond: Double
    var serverCPUMicroseconds: Double
    var p50: Duration
    var p99: Duration

    /// The figures of a round that took `elapsed` seconds and `cpu` server CPU seconds for `events`,
    /// with `latencies` measured.
    init(events: Int, elapsed: Double, cpu: Double, latencies: [Duration]) throws {
        let sorted = latencies.sorted()
        guard !sorted.isEmpty else { throw ValidationError("nothing was measured") }
        eventsPerSecond = Double(events) / elapsed
        serverCPUMicroseconds = cpu / Double(events) * 1e6
        p50 = sorted[sorted.count / 2]
        p99 = sorted[min(sorted.count - 1, sorted.count * 99 / 100)]
    }
}

/// Send times and latencies of numbered events, shared by whatever sends them and whatever sees
/// their answers. Events before `warmup` are not measured.
final class LatencyTracker: Sendable {
    private let state: Mutex<(sentAt: [ContinuousClock.Instant?], latencies: [Duration])>
    let warmup: Int

    init(total: Int, warmup: Int) {
        state = Mutex((Array(repeating: nil, count: total), []))
        self.warmup = warmup
    }

    func sent(_ index: Int) {
        state.withLock { $0.sentAt[index] = ContinuousClock.now }
    }

    /// Records the answer to event `index`; returns how many measured answers arrived so far.
    @discardableResult
    func answered(_ index: Int) -> Int {
        state.withLock { state in
            if index >= warmup, index < state.sentAt.count, let start = state.sentAt[index] {
                state.latencies.append(ContinuousClock.now - start)
            }
            return state.latencies.count
        }
    }

    var latencies: [Duration] { state.withLock { $0.latencies } }
}

/// A fake upstream (a Bot API, a model) served from this process on a loopback port.
enum LoopbackUpstream {
    /// Runs `router` on a free loopback port, then `body` with that port; stops the server after.
    static func run<Value: Sendable>(_ router: Router<BasicRequestContext>, _ body: @escaping @Sendable (Int) async throws -> Value) async throws -> Value {
        let (ports, portInput) = AsyncStream.makeStream(of: Int.self)
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { portInput.yield($0.localAddress?.port ?? 0) })
        return try await withThrowingTaskGroup(of: Value?.self) { group in
            group.addTask {
                try await app.runService(gracefulShutdownSignals: [])
                return nil
            }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else { throw ValidationError("the fake upstream did not start") }
            let value = try await body(port)
            group.cancelAll()
            return value
        }
    }

    /// A JSON response.
    static func json(_ text: String) -> Response {
        Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}

/// The value of the first `"name":` in a compact JSON object, without its quotes: enough for ids
/// and echoes, which hold no escapes.
func jsonField(_ name: String, in json: Substring) -> Substring? {
    guard let key = json.range(of: "\"\(name)\":") else { return nil }
    let value = json[key.upperBound...].drop { $0 == "\"" || $0 == " " }
    return value.prefix { $0 != "\"" && $0 != "," && $0 != "}" }
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

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
    var milliseconds: Double { seconds * 1000 }
}
