import Foundation
import Logging
import Synchronization

/// Writes each log line as one JSON object on standard output (`LOG_FORMAT=json`), for log
/// collectors on PaaS platforms and in containers:
///
/// ```json
/// {"time":"2026-12-03T10:00:00.123Z","level":"info","label":"vio-server","message":"serving on 0.0.0.0:8080"}
/// ```
///
/// Metadata members sit beside the standard ones (under `metadata` when a name collides).
struct JSONLogHandler: LogHandler {
    let label: String
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]
    var metadataProvider: Logger.MetadataProvider?
    private let output: JSONLogOutput

    init(label: String, output: JSONLogOutput = .standardOutput) {
        self.label = label
        self.output = output
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var fields: [String: String] = [:]
        for (key, value) in metadataProvider?.get() ?? [:] { fields[key] = "\(value)" }
        for (key, value) in metadata { fields[key] = "\(value)" }
        for (key, value) in event.metadata ?? [:] { fields[key] = "\(value)" }
        var line: [String: JSONLine] = [
            "time": .text(Date.ISO8601FormatStyle(includingFractionalSeconds: true).format(Date())),
            "level": .text(event.level.rawValue), "label": .text(label), "message": .text(event.message.description),
        ]
        var clashing: [String: String] = [:]
        for (key, value) in fields {
            if line[key] == nil { line[key] = .text(value) } else { clashing[key] = value }
        }
        if !clashing.isEmpty { line["metadata"] = .fields(clashing) }
        output.write(line)
    }
}

/// One member of a JSON log line.
enum JSONLine: Encodable {
    case text(String)
    case fields([String: String])

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .text(let text): try container.encode(text)
        case .fields(let fields): try container.encode(fields)
        }
    }
}

/// Where JSON log lines go; whole lines, one writer at a time.
final class JSONLogOutput: Sendable {
    static let standardOutput = JSONLogOutput { line in FileHandle.standardOutput.write(line) }

    private let sink: Mutex<@Sendable (Data) -> Void>

    init(_ sink: @escaping @Sendable (Data) -> Void) {
        self.sink = Mutex(sink)
    }

    func write(_ line: [String: JSONLine]) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard var data = try? encoder.encode(line) else { return }
        data.append(UInt8(ascii: "\n"))
        sink.withLock { $0(data) }
    }
}
