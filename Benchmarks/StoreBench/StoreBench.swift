// Measures vio-server's conversation stores as a chat turn uses them: load the conversation's
// newest 20 turns, then append the user's turn and the answer. SQLite in a fresh folder, and
// PostgreSQL when a URL is given; latency percentiles over sequential turns, then turns/s with
// several turns in flight (as many chats at once).
//
//   swift run -c release StoreBench                                    # SQLite only
//   swift run -c release StoreBench --database-url "$DATABASE_URL"     # and PostgreSQL (source .ci/postgres.sh)
import ArgumentParser
import Foundation
import Logging
import PostgresNIO
import VioCore
import VioStorage

@main
struct StoreBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Conversation append and load latency on SQLite and PostgreSQL.")

    @Option(name: .customLong("database-url"), help: "A PostgreSQL database to measure too (its tables are created if missing; the benchmark's conversations are removed after).")
    var databaseURL: String?

    @Option(help: "Chat turns measured, after the warm-up.")
    var turns = 5_000

    @Option(help: "Chat turns before measuring.")
    var warmup = 500

    @Option(help: "Turns in flight at once for the throughput figure.")
    var concurrency = 16

    func run() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("store-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        var locations: [(String, StorageLocation)] = [("SQLite", .sqlite(directory: folder))]
        if let databaseURL { locations.append(("PostgreSQL", .postgres(try PostgresLocation(url: databaseURL)))) }
        var logger = Logger(label: "store-bench")
        logger.logLevel = .warning
        print("\(turns) chat turns (load 20 turns, append 2) after \(warmup) warm-up; throughput with \(concurrency) in flight")
        for (name, location) in locations {
            try await ServerStorage.with(location, logger: logger) { storage in
                await storage.untilReady()
                let result = try await measure(storage.conversations)
                print(name.padding(toLength: 11, withPad: " ", startingAt: 0) + result.summary)
            }
            if case .postgres(let postgres, _) = location {
                print("the floor: postgres-nio alone, the same load statement prepared: " + (try await floor(postgres, logger: logger)))
            }
        }
    }

    /// The load's statement through a bare `PostgresClient`, the anchor for the PostgreSQL store's
    /// figure: what postgres-nio costs for that round trip with nothing of Vio around it.
    private func floor(_ location: PostgresLocation, logger: Logger) async throws -> String {
        struct Load: PostgresPreparedStatement {
            static let sql = "SELECT role, content, created_at FROM conversation_turn WHERE conversation = $1 ORDER BY id DESC LIMIT $2"
            typealias Row = (String, String, Date)
            let conversation: String
            func makeBindings() throws -> PostgresBindings {
                var bindings = PostgresBindings(capacity: 2)
                bindings.append(conversation)
                bindings.append(20)
                return bindings
            }
            func decodeRow(_ row: PostgresRow) throws -> Row { try row.decode(Row.self) }
        }
        var configuration = PostgresClient.Configuration(
            host: location.host, port: location.port, username: location.username, password: location.password, database: location.database,
            tls: .disable)
        configuration.options.minimumConnections = 1
        var quiet = logger
        quiet.logLevel = .error
        let client = PostgresClient(configuration: configuration, backgroundLogger: quiet)
        return try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { await client.run() }
            defer { tasks.cancelAll() }
            let clock = ContinuousClock()
            var samples: [Duration] = []
            for index in 0..<(warmup + turns) {
                let started = clock.now
                for try await _ in try await client.execute(Load(conversation: "bench/floor/\(index % 64)")) {}
                if index >= warmup { samples.append(clock.now - started) }
            }
            return "load p50 \(Result.micro(samples, 0.5)) p99 \(Result.micro(samples, 0.99))"
        }
    }

    struct Result {
        var load: [Duration] = []
        var append: [Duration] = []
        var turnsPerSecond = 0.0

        var summary: String {
            "load p50 \(Self.micro(load, 0.5)) p99 \(Self.micro(load, 0.99)) · append p50 \(Self.micro(append, 0.5)) p99 \(Self.micro(append, 0.99))"
                + " · " + String(format: "%.0f turns/s", turnsPerSecond)
        }

        static func micro(_ samples: [Duration], _ quantile: Double) -> String {
            let sorted = samples.sorted()
            guard !sorted.isEmpty else { return "-" }
            let sample = sorted[min(sorted.count - 1, Int(Double(sorted.count) * quantile))]
            return String(format: "%.0f µs", sample.timeInterval * 1e6)
        }
    }

    private func measure(_ store: any ConversationStore) async throws -> Result {
        let run = UUID().uuidString.prefix(8)
        let keys = (0..<64).map { ConversationKey(rawValue: "bench/\(run)/\($0)") }
        for key in keys {
            try await store.append((0..<20).map { ConversationTurn(role: $0.isMultiple(of: 2) ? .user : .assistant, content: "热身 \($0) " + String(repeating: "字", count: 40)) }, to: key)
        }
        let clock = ContinuousClock()
        var result = Result()
        for index in 0..<(warmup + turns) {
            let key = keys[index % keys.count]
            let started = clock.now
            _ = try await store.history(of: key, limit: HistoryLimit(maxTurns: 20))
            let loaded = clock.now
            try await store.append(Self.turn(index), to: key)
            if index >= warmup {
                result.load.append(loaded - started)
                result.append.append(clock.now - loaded)
            }
        }
        let started = clock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for lane in 0..<concurrency {
                group.addTask {
                    for index in stride(from: lane, to: turns, by: concurrency) {
                        let key = keys[index % keys.count]
                        _ = try await store.history(of: key, limit: HistoryLimit(maxTurns: 20))
                        try await store.append(Self.turn(index), to: key)
                    }
                }
            }
            try await group.waitForAll()
        }
        result.turnsPerSecond = Double(turns) / (clock.now - started).timeInterval
        for key in keys { try await store.reset(key) }
        return result
    }

    /// A user's message and the model's answer, of a typical chat's length.
    static func turn(_ index: Int) -> [ConversationTurn] {
        [ConversationTurn(role: .user, content: "第 \(index) 个问题：今天吃什么比较好？"),
         ConversationTurn(role: .assistant, content: "可以试试" + String(repeating: "番茄炒蛋，", count: 12))]
    }
}
