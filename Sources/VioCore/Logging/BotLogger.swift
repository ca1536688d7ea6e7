/// How important a log line is.
public enum LogLevel: Int, Hashable, Sendable, Comparable, CustomStringConvertible {
    case trace, debug, info, notice, warning, error, critical

    public static func < (lhs: LogLevel, rhs: LogLevel) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String {
        switch self {
        case .trace: "trace"
        case .debug: "debug"
        case .info: "info"
        case .notice: "notice"
        case .warning: "warning"
        case .error: "error"
        case .critical: "critical"
        }
    }
}

/// Where VioCore and the platform modules write their logs.
///
/// VioCore has no logging dependency: a server bridges this to swift-log, a script prints.
///
/// ```swift
/// struct SwiftLogBridge: BotLogger {
///     let logger: Logger
///     func log(_ level: LogLevel, _ message: String, metadata: [String: String]) { … }
/// }
/// ```
public protocol BotLogger: Sendable {
    func log(_ level: LogLevel, _ message: String, metadata: [String: String])
}

extension BotLogger {
    public func debug(_ message: String, metadata: [String: String] = [:]) { log(.debug, message, metadata: metadata) }
    public func info(_ message: String, metadata: [String: String] = [:]) { log(.info, message, metadata: metadata) }
    public func warning(_ message: String, metadata: [String: String] = [:]) { log(.warning, message, metadata: metadata) }
    public func error(_ message: String, metadata: [String: String] = [:]) { log(.error, message, metadata: metadata) }
}

/// Discards everything.
public struct SilentLogger: BotLogger {
    public init() {}
    public func log(_ level: LogLevel, _ message: String, metadata: [String: String]) {}
}

/// Prints lines at or above `minimumLevel` to standard output.
public struct PrintLogger: BotLogger {
    public var minimumLevel: LogLevel

    public init(minimumLevel: LogLevel = .info) {
        self.minimumLevel = minimumLevel
    }

    public func log(_ level: LogLevel, _ message: String, metadata: [String: String]) {
        guard level >= minimumLevel else { return }
        let details = metadata.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        print("[\(level)] \(message)\(details.isEmpty ? "" : " " + details)")
    }
}
