import Foundation
import Synchronization
import Testing
import VioCore
import VioCoreTesting
@testable import OneBot

/// A posted message's reply held back for the POST's quick operation, and what happens when the
/// handler does more.
@Suite struct QuickReplyCallerTests {
    static let ok = ScriptedTransport.Reply.response(HTTPResponse(status: 200, body: Data(#"{"status":"ok","retcode":0,"data":{"message_id":5}}"#.utf8)))

    /// The private message of ``OneBotHTTPTests/body``, from user 42.
    static func message() throws -> MessageEvent {
        guard case .event(let event) = try OneBotFrame.read(OneBotHTTPTests.body), case .message(let message) = event.kind else {
            throw OneBotError.notAnEvent
        }
        return message
    }

    /// A caller over an HTTP API that answers `replies`, and how often its answer fell due.
    struct Harness {
        let transport: ScriptedTransport
        let quick: QuickReplyCaller
        private let dueCount = Counter()

        final class Counter: Sendable {
            let value = Atomic(0)
        }

        init(_ replies: [ScriptedTransport.Reply]) throws {
            transport = ScriptedTransport(replies)
            let api = OneBotHTTPClient(root: try #require(URL(string: "http://127.0.0.1:5700")), transport: transport)
            let dueCount = dueCount
            quick = QuickReplyCaller(base: api, replyingTo: try QuickReplyCallerTests.message()) { dueCount.value.add(1, ordering: .relaxed) }
        }

        var due: Int { dueCount.value.load(ordering: .relaxed) }
    }

    @Test func theOnlyReplyIsHeldAndBecomesTheQuickOperation() async throws {
        let harness = try Harness([])
        let sent = try await harness.quick.call(SendMessage(to: .user(42), message: "pong"))
        #expect(sent.messageID == nil, "a held reply has no id yet")
        #expect(harness.transport.requests.isEmpty)
        let operation = harness.quick.answer()
        #expect(operation == .reply("pong"))
        #expect(harness.due == 0)
        #expect(harness.quick.answer().isEmpty, "the reply is given once")
    }

    @Test func anotherActionSendsTheHeldReplyFirstThenItself() async throws {
        let harness = try Harness([Self.ok, Self.ok])
        _ = try await harness.quick.call(SendMessage(to: .user(42), message: "first"))
        _ = try await harness.quick.call(SendMessage(to: .user(42), message: "second"))
        #expect(harness.due == 1)
        #expect(harness.quick.answer().isEmpty, "the reply went through the API")
        let texts = try harness.transport.requests.map { request in
            try JSONDecoder().decode(JSONValue.self, from: try #require(request.body))["message"]?[0]?["data"]?["text"]?.stringValue
        }
        #expect(texts == ["first", "second"])
    }

    @Test func aFirstActionThatIsNoReplyToTheOriginGoesStraightThrough() async throws {
        let harness = try Harness([Self.ok, Self.ok])
        _ = try await harness.quick.call(SendMessage(to: .group(20002), message: "elsewhere"))
        #expect(harness.transport.requests.count == 1, "a message to another chat is no reply")
        #expect(harness.due == 1)
        _ = try await harness.quick.call(SendMessage(to: .user(42), message: "late"))
        #expect(harness.transport.requests.count == 2, "once the answer is due, nothing more is held")
        #expect(harness.quick.answer().isEmpty)
    }

    @Test func afterTheAnswerEveryActionGoesThroughTheAPI() async throws {
        let harness = try Harness([Self.ok])
        #expect(harness.quick.answer().isEmpty)
        let sent = try await harness.quick.call(SendMessage(to: .user(42), message: "after the window"))
        #expect(sent.messageID == ID(5))
        #expect(harness.transport.requests.count == 1)
        #expect(harness.due == 0, "the answer was already given")
    }
}
