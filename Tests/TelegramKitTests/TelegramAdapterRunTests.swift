import Foundation
import Synchronization
import Testing
import VioCore
@testable import TelegramKit

@Suite struct TelegramAdapterRunTests {
    @Test func runPollsHandsEventsToTheBotAndStopsWhenCancelled() async throws {
        let update = #"{"update_id":5,"message":{"message_id":31,"date":0,"chat":{"id":42,"type":"private"},"from":{"id":42,"is_bot":false,"first_name":"Ann"},"text":"/ping","entities":[{"type":"bot_command","offset":0,"length":5}]}}"#
        let transport = MethodScriptTransport(answers: [
            "getMe": [#"{"id":777,"is_bot":true,"first_name":"Vio","username":"VioBot"}"#],
            "getUpdates": ["[\(update)]"],
            "sendMessage": [Replies.message],
        ])
        var bot = Bot(services: BotServices(logger: SilentLogger()))
        bot.command("/ping") { context, _ in try await context.reply("pong to \(context.sender.displayName)") }
        let adapter = try await TelegramAdapter.connect(Replies.client(transport))
        #expect(adapter.mapper.bot.username == "VioBot")

        let running = Task { [bot] in try await Dispatcher(bot: bot).serve(adapter) }
        await transport.waitFor("sendMessage")
        running.cancel()
        try await running.value

        let sent = try #require(transport.requests.first { $0.url.lastPathComponent == "sendMessage" })
        #expect(try JSONDecoder().decode(JSONValue.self, from: sent.body ?? Data()) == ["chat_id": 42, "text": "pong to Ann"])
        let polls = try transport.requests.filter { $0.url.lastPathComponent == "getUpdates" }
            .map { try JSONDecoder().decode(JSONValue.self, from: $0.body ?? Data())["offset"] }
        #expect(polls.first == .some(nil))
        #expect(polls.dropFirst().allSatisfy { $0 == 6 }, "later polls confirm update 5")
    }
}

/// Answers each Bot API method from its own list of results; once a method's list is used up, its
/// calls wait until cancelled (a long poll with nothing to deliver).
final class MethodScriptTransport: HTTPTransport {
    private struct State {
        var answers: [String: [String]]
        var requests: [HTTPRequest] = []
    }

    private let state: Mutex<State>
    private let seen = AsyncStream.makeStream(of: String.self)

    init(answers: [String: [String]]) {
        state = Mutex(State(answers: answers))
    }

    var requests: [HTTPRequest] { state.withLock { $0.requests } }

    /// Returns once a call of `method` has been answered.
    func waitFor(_ method: String) async {
        for await name in seen.stream where name == method { return }
    }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let method = request.url.lastPathComponent
        let answer = state.withLock { state -> String? in
            state.requests.append(request)
            guard var queue = state.answers[method], !queue.isEmpty else { return nil }
            let first = queue.removeFirst()
            state.answers[method] = queue
            return first
        }
        guard let answer else {
            do {
                try await Hang.untilCancelled()
            } catch {
                throw TransportError.cancelled
            }
        }
        defer { seen.continuation.yield(method) }
        return HTTPResponse(status: 200, body: Data("{\"ok\":true,\"result\":\(answer)}".utf8))
    }

    func stream(_ request: HTTPRequest) async throws -> HTTPStreamingResponse {
        throw TransportError.cancelled
    }
}
