import Logging
import Synchronization

/// Keeps every line logged through its ``logger(_:)``, so a test can check what was said and wait
/// for a line that is still to come.
///
/// ```swift
/// let log = LogRecorder()
/// let server = makeServer(logger: log.logger("server"))
/// let line = await log.first { $0.message.contains("disconnected") }
/// ```
public final class LogRecorder: Sendable {
    /// One logged line.
    public struct Entry: Sendable, CustomStringConvertible {
        public let level: Logger.Level
        public let message: String
        public let metadata: [String: String]

        /// The line with its metadata, as a log would print it.
        public var description: String {
            ([message] + metadata.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }).joined(separator: " ")
        }
    }

    private struct State {
        var entries: [Entry] = []
        var waiters: [(matches: @Sendable (Entry) -> Bool, continuation: CheckedContinuation<Entry, Never>)] = []
    }
    private let state = Mutex(State())

    public init() {}

    /// A logger at `level` whose lines this recorder keeps.
    public func logger(_ label: String, level: Logger.Level = .debug) -> Logger {
        var logger = Logger(label: label) { _ in Handler(recorder: self) }
        logger.logLevel = level
        return logger
    }

    /// Every line so far, in order.
    public var entries: [Entry] { state.withLock { $0.entries } }

    /// The first line, logged already or still to come, that `matches`.
    public func first(where matches: @escaping @Sendable (Entry) -> Bool) async -> Entry {
        await withCheckedContinuation { continuation in
            let found = state.withLock { state -> Entry? in
                if let entry = state.entries.first(where: matches) { return entry }
                state.waiters.append((matches, continuation))
                return nil
            }
            if let found { continuation.resume(returning: found) }
        }
    }

    fileprivate func record(_ entry: Entry) {
        let woken = state.withLock { state -> [CheckedContinuation<Entry, Never>] in
            state.entries.append(entry)
            let (due, waiting) = (state.waiters.filter { $0.matches(entry) }, state.waiters.filter { !$0.matches(entry) })
            state.waiters = waiting
            return due.map(\.continuation)
        }
        for continuation in woken { continuation.resume(returning: entry) }
    }

    private struct Handler: LogHandler {
        let recorder: LogRecorder
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let merged = metadata.merging(event.metadata ?? [:]) { $1 }
            recorder.record(Entry(level: event.level, message: "\(event.message)", metadata: merged.mapValues { "\($0)" }))
        }
    }
}
