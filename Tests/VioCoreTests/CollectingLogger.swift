import Synchronization
import VioCore

/// A logger that keeps every line, for assertions.
final class CollectingLogger: BotLogger {
    struct Line: Sendable {
        let level: LogLevel
        let message: String
        let metadata: [String: String]
    }

    private let storage = Mutex<[Line]>([])

    var lines: [Line] { storage.withLock { $0 } }

    func log(_ level: LogLevel, _ message: String, metadata: [String: String]) {
        storage.withLock { $0.append(Line(level: level, message: message, metadata: metadata)) }
    }
}
