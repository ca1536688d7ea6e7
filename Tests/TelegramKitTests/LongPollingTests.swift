import Foundation
import Synchronization
import Testing
import VioCore
import VioCoreTesting
@testable import TelegramKit

@Suite struct LongPollingTests {
    private func batch(_ ids: ClosedRange<Int64>) -> ScriptedTransport.Reply {
        let updates = ids.map { #"{"update_id":\#($0),"message":{"message_id":\#($0),"date":0,"chat":{"id":1,"type":"private"},"text":"u\#($0)"}}"# }
        return Replies.ok("[" + updates.joined(separator: ",") + "]")
    }

    private func offsets(_ transport: ScriptedTransport) throws -> [Int64?] {
        try transport.requests.map { try JSONDecoder().decode(JSONValue.self, from: $0.body ?? Data())["offset"]?.int64Value }
    }

    @Test func offsetsAdvancePastEachBatch() async throws {
        let transport = ScriptedTransport([batch(10...12), Replies.ok("[]"), batch(13...13)])
        var iterator = Replies.client(transport).longPolling(timeout: 25).makeAsyncIterator()
        var texts: [String] = []
        for _ in 0..<4 { texts.append(try await iterator.next()?.message?.text ?? "-") }
        #expect(texts == ["u10", "u11", "u12", "u13"])
        #expect(try offsets(transport) == [nil, 13, 13])
        let first = try JSONDecoder().decode(JSONValue.self, from: transport.requests.first?.body ?? Data())
        #expect(first["timeout"] == 25)
        #expect(transport.requests.first?.timeout == .seconds(40), "the HTTP timeout outlasts the long poll")
    }

    @Test func aBadUpdateIsLoggedSkippedAndConfirmed() async throws {
        let transport = ScriptedTransport([
            try Replies.fixture("response-getUpdates-partially-unparseable"),
            batch(4...4),
        ])
        let logger = RecordingLogger()
        var iterator = Replies.client(transport, logger: logger).longPolling().makeAsyncIterator()
        var ids: [Int64] = []
        for _ in 0..<4 { ids.append(try await iterator.next()?.id ?? -1) }
        #expect(ids == [0, 1, 2, 4])
        #expect(try offsets(transport) == [nil, 4], "update 3 is confirmed though it never decoded")
        let skipped = logger.lines.filter { $0.message.contains("could not be decoded") }
        #expect(skipped.map { $0.metadata["updateID"] } == ["3"])
    }

    @Test func errorsBackOffAndPollingRecovers() async throws {
        let transport = ScriptedTransport([
            .failure(.connectionFailed(host: "api.telegram.org", reason: "reset")),
            .failure(.timedOut(host: "api.telegram.org", after: nil)),
            .response(HTTPResponse(status: 200, body: Data("not json".utf8))),
            batch(1...1),
            .failure(.connectionFailed(host: "api.telegram.org", reason: "reset")),
            batch(2...2),
        ])
        let recorder = RecordingRetryEnvironment()
        let polling = LongPolling(client: Replies.client(transport, environment: recorder.environment), options: LongPolling.Options(
            retryPolicy: RetryPolicy(maxRetries: .max, initialDelay: .seconds(1), maxDelay: .seconds(3))))
        var iterator = polling.makeAsyncIterator()
        #expect(try await iterator.next()?.id == 1)
        #expect(recorder.waits == [.seconds(1), .seconds(2), .seconds(3)])
        #expect(try await iterator.next()?.id == 2)
        #expect(recorder.waits.last == .seconds(1), "a success resets the backoff")
    }

    @Test func pollingStopsAfterThePolicysFailuresInARow() async throws {
        let down = ScriptedTransport.Reply.failure(.connectionFailed(host: "api.telegram.org", reason: "down"))
        let transport = ScriptedTransport([down, down, down])
        let recorder = RecordingRetryEnvironment()
        let polling = LongPolling(client: Replies.client(transport, environment: recorder.environment), options: LongPolling.Options(
            retryPolicy: RetryPolicy(maxRetries: 2, initialDelay: .seconds(1), maxDelay: .seconds(60))))
        var iterator = polling.makeAsyncIterator()
        await #expect(throws: TelegramClientError.self) { _ = try await iterator.next() }
        #expect(recorder.waits == [.seconds(1), .seconds(2)])
        #expect(transport.requests.count == 3)
    }

    @Test func floodControlWaitsAsLongAsTelegramSays() async throws {
        let tooMany = Replies.json(#"{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 90","parameters":{"retry_after":90}}"#, status: 429)
        let transport = ScriptedTransport([tooMany, batch(5...5)])
        let recorder = RecordingRetryEnvironment()
        var iterator = Replies.client(transport, environment: recorder.environment).longPolling().makeAsyncIterator()
        #expect(try await iterator.next()?.id == 5)
        #expect(recorder.waits == [.seconds(90)])
    }

    @Test func conflictStopsPollingWithAClearError() async throws {
        let transport = ScriptedTransport([
            Replies.json(#"{"ok":false,"error_code":409,"description":"Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first"}"#, status: 409),
        ])
        var iterator = Replies.client(transport).longPolling().makeAsyncIterator()
        let error = await #expect(throws: TelegramError.self) { _ = try await iterator.next() }
        #expect(error?.kind == .conflict)
        #expect(error?.description.contains("call deleteWebhook") == true)
        #expect(try await iterator.next() == nil, "a stopped poller stays stopped")
        #expect(transport.requests.count == 1)
    }

    @Test func cancellationStopsAWaitingPoll() async throws {
        let transport = HangingTransport()
        let polling = Replies.client(transport).longPolling()
        let task = Task {
            var count = 0
            for try await _ in polling { count += 1 }
            return count
        }
        await transport.waitUntilRequested()
        task.cancel()
        #expect(try await task.value == 0)
    }

    @Test func cancellationStopsABackoffWait() async throws {
        let transport = ScriptedTransport([.failure(.connectionFailed(host: "h", reason: "down"))])
        let (started, startedContinuation) = AsyncStream.makeStream(of: Void.self)
        let environment = RetryEnvironment(sleep: { _ in
            startedContinuation.yield()
            try await Hang.untilCancelled()
        })
        let polling = Replies.client(transport, environment: environment).longPolling()
        let task = Task { () -> Update? in
            var iterator = polling.makeAsyncIterator()
            return try await iterator.next()
        }
        var waits = started.makeAsyncIterator()
        await waits.next()
        task.cancel()
        #expect(try await task.value == nil)
        #expect(transport.requests.count == 1)
    }
}

/// A transport whose requests never answer until cancelled, like a long poll with nothing to say.
final class HangingTransport: HTTPTransport {
    private let requested = AsyncStream.makeStream(of: Void.self)

    func waitUntilRequested() async {
        var iterator = requested.stream.makeAsyncIterator()
        await iterator.next()
    }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        requested.continuation.yield()
        do {
            try await Hang.untilCancelled()
        } catch {
            throw TransportError.cancelled
        }
    }

    func stream(_ request: HTTPRequest) async throws -> HTTPStreamingResponse {
        throw TransportError.cancelled
    }
}
