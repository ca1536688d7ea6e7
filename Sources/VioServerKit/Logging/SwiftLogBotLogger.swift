import Logging
import VioCore

/// Sends VioCore's log lines to swift-log.
struct SwiftLogBotLogger: BotLogger {
    let logger: Logger

    func log(_ level: LogLevel, _ message: String, metadata: [String: String]) {
        logger.log(level: Self.level(level), "\(message)", metadata: metadata.mapValues { .string($0) })
    }

    static func level(_ level: LogLevel) -> Logger.Level {
        switch level {
        case .trace: .trace
        case .debug: .debug
        case .info: .info
        case .notice: .notice
        case .warning: .warning
        case .error: .error
        case .critical: .critical
        }
    }
}
