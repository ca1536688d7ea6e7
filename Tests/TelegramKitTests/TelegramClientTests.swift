import Foundation
import Testing
import VioCore
import VioCoreTesting
@testable import TelegramKit

@Suite struct TelegramClientTests {
    @Test func callsPostJSONToTheMethodURLAndDecodeTheResult() async throws {
        let transport = ScriptedTransport([Replies.ok(Replies.message)])
        let sent = try await Replies.client(transport).call(SendMessage(chatID: 42, text: "hi"))
        #expect(sent.messageID == 7)
        #expect(sent.chat.id == 42)
        let request = try #require(transport.requests.first)
        #expect(request.method == "POST")
        #expect(request.url.absoluteString == "https://api.telegram.org/bot\(Replies.token.value)/sendMessage")
        #expect(request.headers["content-type"] == "application/json")
        #expect(try JSONDecoder().decode(JSONValue.self, from: request.body ?? Data()) == ["chat_id": 42, "text": "hi"])
    }

    @Test func baseURLIsConfigurable() async throws {
        let transport = ScriptedTransport([Replies.ok("true")])
        let base = try #require(URL(string: "http://127.0.0.1:8081/"))
        let client = TelegramClient(token: Replies.token, transport: transport, baseURL: base)
        try await client.call(DeleteWebhook(dropPendingUpdates: true))
        #expect(transport.requests.first?.url.absoluteString == "http://127.0.0.1:8081/bot\(Replies.token.value)/deleteWebhook")
    }

    @Test func genericCallSendsAndReturnsJSON() async throws {
        let transport = ScriptedTransport([Replies.ok(#"{"title":"News","count":3}"#)])
        let result = try await Replies.client(transport).call(method: "setChatTitle", params: ["chat_id": -100, "title": "News"])
        #expect(result == ["title": "News", "count": 3])
        #expect(transport.requests.first?.url.lastPathComponent == "setChatTitle")
        #expect(try JSONDecoder().decode(JSONValue.self, from: transport.requests.first?.body ?? Data()) == ["chat_id": -100, "title": "News"])
    }

    @Test func floodControlIsWaitedOutAsToldThenRetried() async throws {
        let transport = ScriptedTransport([
            Replies.json(#"{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 7","parameters":{"retry_after":7}}"#, status: 429),
            Replies.ok(Replies.message),
        ])
        let recorder = RecordingRetryEnvironment()
        let logger = RecordingLogger()
        let sent = try await Replies.client(transport, logger: logger, environment: recorder.environment).call(SendMessage(chatID: 42, text: "hi"))
        #expect(sent.messageID == 7)
        #expect(recorder.waits == [.seconds(7)])
        #expect(transport.requests.count == 2)
        #expect(logger.lines.contains { $0.level == .warning && $0.metadata["method"] == "sendMessage" && $0.metadata["retryIn"] == "7.0 seconds" })
    }

    @Test func floodWaitLongerThanThePolicyAllowsIsThrown() async throws {
        let transport = ScriptedTransport([try Replies.fixture("response-error-429-retry_after", status: 429)])
        let recorder = RecordingRetryEnvironment()
        let error = await #expect(throws: TelegramError.self) {
            try await Replies.client(transport, environment: recorder.environment).call(SendMessage(chatID: 42, text: "hi"))
        }
        #expect(error?.kind == .floodControl)
        #expect(error?.retryAfter == .seconds(123_456))
        #expect(recorder.waits.isEmpty)
    }

    @Test func serverErrorsBackOffThenGiveUp() async throws {
        let transport = ScriptedTransport([
            .response(HTTPResponse(status: 502, body: Data("<html>Bad Gateway</html>".utf8))),
            Replies.json(#"{"ok":false,"error_code":500,"description":"Internal Server Error"}"#, status: 500),
            Replies.json(#"{"ok":false,"error_code":500,"description":"Internal Server Error"}"#, status: 500),
        ])
        let recorder = RecordingRetryEnvironment(random: 0.99)
        let error = await #expect(throws: TelegramError.self) {
            try await Replies.client(transport, environment: recorder.environment).call(GetMe())
        }
        #expect(error?.kind == .serverError)
        #expect(recorder.waits == [.milliseconds(500), .seconds(1)], "no jitter")
        #expect(transport.requests.count == 3)
    }

    @Test func floodControlWithoutRetryAfterBacksOff() async throws {
        let transport = ScriptedTransport([
            Replies.json(#"{"ok":false,"error_code":429,"description":"Too Many Requests"}"#, status: 429),
            Replies.ok("true"),
        ])
        let recorder = RecordingRetryEnvironment()
        try await Replies.client(transport, environment: recorder.environment).call(DeleteMessage(chatID: 42, messageID: 5))
        #expect(recorder.waits == [.milliseconds(500)])
    }

    @Test func networkFailuresAndClientErrorsAreNotRetried() async throws {
        let transport = ScriptedTransport([
            .failure(.connectionFailed(host: "api.telegram.org", reason: "reset")),
            Replies.json(#"{"ok":false,"error_code":400,"description":"Bad Request: chat not found"}"#, status: 400),
        ])
        let recorder = RecordingRetryEnvironment()
        let client = Replies.client(transport, environment: recorder.environment)
        await #expect(throws: TelegramClientError.self) { try await client.call(GetMe()) }
        let error = await #expect(throws: TelegramError.self) { try await client.call(GetMe()) }
        #expect(error?.kind == .badRequest)
        #expect(transport.requests.count == 2)
        #expect(recorder.waits.isEmpty)
    }

    @Test func aCustomPolicyIsFollowed() async throws {
        let busy = Replies.json(#"{"ok":false,"error_code":500,"description":"Internal Server Error"}"#, status: 500)
        let transport = ScriptedTransport([busy, busy, busy, busy])
        let recorder = RecordingRetryEnvironment()
        var policy = RetryPolicy.telegram
        policy.maxRetries = 3
        policy.multiplier = 3
        await #expect(throws: TelegramError.self) {
            try await Replies.client(transport, environment: recorder.environment, retryPolicy: policy).call(GetMe())
        }
        #expect(recorder.waits == [.milliseconds(500), .milliseconds(1500), .milliseconds(4500)])
        #expect(transport.requests.count == 4)
        let once = ScriptedTransport([busy, Replies.ok("true")])
        await #expect(throws: TelegramError.self) { try await Replies.client(once, retryPolicy: .never).call(GetMe()) }
        #expect(once.requests.count == 1)
    }

    @Test(arguments: [401, 404])
    func rejectedTokenIsAClearError(status: Int) async throws {
        let description = status == 401 ? "Unauthorized" : "Not Found"
        let transport = ScriptedTransport([Replies.json(#"{"ok":false,"error_code":\#(status),"description":"\#(description)"}"#, status: status)])
        let error = await #expect(throws: TelegramError.self) { try await Replies.client(transport).call(GetMe()) }
        #expect(error?.kind == .badToken)
        #expect(error?.code == status)
        #expect(error?.description.contains("check it with @BotFather") == true)
        #expect(transport.requests.count == 1, "a bad token is never retried")
    }

    @Test func errorsAreClassifiedFromParametersThenCodeThenDescription() async throws {
        let cases: [(String, TelegramError.Kind)] = [
            ("response-error-migrate_to_chat_id", .migrated), ("response-error-403-blocked", .forbidden),
            ("response-error-409-conflict", .conflict), ("response-error-400", .badRequest), ("response-error-unknown-code", .other),
        ]
        for (fixture, kind) in cases {
            let transport = ScriptedTransport([try Replies.fixture(fixture, status: 200)])
            let error = await #expect(throws: TelegramError.self) { try await Replies.client(transport).call(GetMe()) }
            #expect(error?.kind == kind, "\(fixture)")
        }
        let migrated = ScriptedTransport([try Replies.fixture("response-error-migrate_to_chat_id", status: 400)])
        let error = await #expect(throws: TelegramError.self) { try await Replies.client(migrated).call(GetMe()) }
        #expect(error?.migrateToChatID == 123_456)
        #expect(error?.code == 400, "the HTTP status stands in for a missing error_code")
        #expect(error?.apiDescription == "this string is ignored")
    }

    @Test func conflictSaysWhatToDo() async throws {
        let transport = ScriptedTransport([try Replies.fixture("response-error-409-conflict", status: 409)])
        let error = await #expect(throws: TelegramError.self) { try await Replies.client(transport).call(GetUpdates()) }
        #expect(error?.description.contains("deleteWebhook") == true)
        #expect(error?.description.hasPrefix("getUpdates failed: Conflict: terminated by other getUpdates request") == true)
    }

    @Test func aBodyThatIsNotTheBotAPIIsAMalformedResponse() async throws {
        let transport = ScriptedTransport([.response(HTTPResponse(status: 200, body: Data("<html>captive portal</html>".utf8)))])
        let error = await #expect(throws: TelegramClientError.self) { try await Replies.client(transport).call(GetMe()) }
        guard case .malformedResponse(let method, let status, let reason)? = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(method == "getMe" && status == 200)
        #expect(reason.contains("captive portal"))
    }

    @Test func aResultOfTheWrongShapeSaysWhere() async throws {
        let transport = ScriptedTransport([Replies.ok(#"{"id":"not a number","is_bot":true,"first_name":"x"}"#)])
        let error = await #expect(throws: TelegramClientError.self) { try await Replies.client(transport).call(GetMe()) }
        #expect(error?.description.contains("result.id") == true)
    }

    @Test func theTokenAppearsInNoErrorAndNoLogLine() async throws {
        let token = Replies.token.value
        let logger = RecordingLogger()
        let transport = ScriptedTransport([
            .failure(.connectionFailed(host: "api.telegram.org", reason: "could not load https://api.telegram.org/bot\(token)/getMe")),
            Replies.json(#"{"ok":false,"error_code":500,"description":"failed at /bot\#(token)/sendMessage"}"#, status: 500),
            Replies.json(#"{"ok":false,"error_code":401,"description":"Unauthorized \#(token)"}"#, status: 401),
            .response(HTTPResponse(status: 200, body: Data("garbage \(token)".utf8))),
        ])
        let client = Replies.client(transport, logger: logger)
        var texts: [String] = []
        for _ in 0..<3 {
            do {
                try await client.call(SendMessage(chatID: 1, text: "x"))
            } catch {
                texts += ["\(error)", String(reflecting: error)]
            }
        }
        #expect(texts.count == 6)
        texts += logger.lines.map(\.text)
        #expect(logger.lines.count == 1, "the 500 was logged before the retry")
        for text in texts {
            #expect(!text.contains(token), "leaked: \(text)")
            #expect(!text.contains("AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"))
        }
        #expect(!"\(client.token)".contains(token))
    }

    @Test func aTokenThatCannotBeInAURLIsReportedWithoutBeingShown() async throws {
        let transport = ScriptedTransport([])
        let client = TelegramClient(token: Redacted("123:abc\n"), transport: transport)
        let error = await #expect(throws: TelegramClientError.self) { try await client.call(GetMe()) }
        #expect(error == .invalidToken)
        #expect(transport.requests.isEmpty)
    }

    @Test func cancellationIsNotATransportFailure() async throws {
        let transport = ScriptedTransport([.failure(.cancelled)])
        await #expect(throws: CancellationError.self) { try await Replies.client(transport).call(GetMe()) }
    }

    @Test func filesDownloadFromTheFileURL() async throws {
        let transport = ScriptedTransport([
            Replies.ok(#"{"file_id":"AgAD","file_unique_id":"u1","file_size":3,"file_path":"photos/file_1.jpg"}"#),
            .response(HTTPResponse(status: 200, body: Data([1, 2, 3]))),
        ])
        let client = Replies.client(transport)
        let file = try await client.call(GetFile(fileID: "AgAD"))
        #expect(try await client.download(file) == Data([1, 2, 3]))
        #expect(transport.requests.last?.url.absoluteString == "https://api.telegram.org/file/bot\(Replies.token.value)/photos/file_1.jpg")
        #expect(transport.requests.last?.method == "GET")
    }

    @Test func editResultsAreAMessageOrTrue() async throws {
        let transport = ScriptedTransport([Replies.ok(Replies.message), Replies.ok("true")])
        let client = Replies.client(transport)
        let edited = try await client.call(EditMessageText(chatID: 42, messageID: 7, text: "hi"))
        #expect(edited.message?.messageID == 7)
        #expect(try await client.call(EditMessageText(inlineMessageID: "abc", text: "x")) == .inlineMessageEdited)
    }
}

extension TelegramClientTests {
    @Test func getChatReturnsTheChatAndItsDetails() async throws {
        let transport = ScriptedTransport([Replies.ok(#"{"id":-1001,"type":"supergroup","title":"Crew","description":"we build","slow_mode_delay":10,"permissions":{"can_send_messages":true}}"#)])
        let info = try await Replies.client(transport).call(GetChat(chatID: -1001))
        #expect(info.chat == TelegramChat(id: -1001, type: .supergroup, title: "Crew"))
        #expect(info.description == "we build")
        #expect(info.slowModeDelay == 10)
        #expect(info.permissions?.canSendMessages == true)
    }
}
