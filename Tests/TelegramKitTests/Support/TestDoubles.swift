import Foundation
import Synchronization
import VioCore
import VioCoreTesting
@testable import TelegramKit

/// A logger that keeps every line, to check what was logged (and that no secret was).
final class RecordingLogger: BotLogger {
    struct Line: Sendable {
        let level: LogLevel
        let message: String
        let metadata: [String: String]

        var text: String { ([message] + metadata.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }).joined(separator: " ") }
    }

    private let storage = Mutex<[Line]>([])

    var lines: [Line] { storage.withLock { $0 } }

    func log(_ level: LogLevel, _ message: String, metadata: [String: String]) {
        storage.withLock { $0.append(Line(level: level, message: message, metadata: metadata)) }
    }
}

/// A clock the test moves by hand; its `sleep` advances it instead of waiting.
final class ManualClock: Sendable {
    private let current = Mutex(ContinuousClock.now)

    var now: ContinuousClock.Instant { current.withLock { $0 } }

    func advance(by duration: Duration) {
        current.withLock { $0 = $0.advanced(by: duration) }
    }

    var sleep: @Sendable (Duration) async throws -> Void {
        { duration in self.advance(by: duration) }
    }
}

enum Replies {
    static let token = Redacted("123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw")

    static func ok(_ result: String, status: Int = 200) -> ScriptedTransport.Reply {
        .response(HTTPResponse(status: status, headers: ["Content-Type": "application/json"], body: Data("{\"ok\":true,\"result\":\(result)}".utf8)))
    }

    static func json(_ body: String, status: Int) -> ScriptedTransport.Reply {
        .response(HTTPResponse(status: status, headers: ["Content-Type": "application/json"], body: Data(body.utf8)))
    }

    static func fixture(_ name: String, status: Int = 200) throws -> ScriptedTransport.Reply {
        .response(HTTPResponse(status: status, body: try Fixtures.data(name)))
    }

    static let message = #"{"message_id":7,"date":1700000000,"chat":{"id":42,"type":"private","first_name":"Ann"},"text":"hi"}"#

    static func client(_ transport: any HTTPTransport, logger: any BotLogger = SilentLogger(), environment: RetryEnvironment = RecordingRetryEnvironment().environment, retryPolicy: RetryPolicy = .telegram) -> TelegramClient {
        TelegramClient(token: token, transport: transport, retryPolicy: retryPolicy, logger: logger, environment: environment)
    }
}

/// Waits until the task is cancelled, like a request nobody answers.
enum Hang {
    static func untilCancelled() async throws -> Never {
        let (stream, continuation) = AsyncStream.makeStream(of: Void.self)
        for await _ in stream {}
        withExtendedLifetime(continuation) {}
        throw CancellationError()
    }
}
