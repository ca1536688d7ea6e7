import Foundation
import Synchronization
import Testing
import VioCore
import VioCoreTesting
import VioServerTesting
import VioURLSession
@testable import TelegramKit

/// The client over a real socket: `URLSessionTransport` against a fake Bot API on 127.0.0.1.
@Suite struct LoopbackServerTests {
    private let token = "4242:loopback-secret-token-value"

    private func client(_ url: URL, logger: RecordingLogger = RecordingLogger(), environment: RetryEnvironment = RecordingRetryEnvironment().environment, token: String? = nil) -> TelegramClient {
        TelegramClient(token: Redacted(token ?? self.token), transport: URLSessionTransport(), baseURL: url, logger: logger, environment: environment)
    }

    @Test func jsonCallsAndTypedResults() async throws {
        let server = FakeBotAPI(token: token) { call, _ in
            switch call.method {
            case "getMe": (200, #"{"ok":true,"result":{"id":777,"is_bot":true,"first_name":"Vio","username":"VioBot","can_read_all_group_messages":false}}"#)
            default: (200, #"{"ok":true,"result":{"message_id":9,"date":1700000000,"chat":{"id":-1001234567890,"type":"supergroup"},"text":"hi 😂"}}"#)
            }
        }
        try await server.run { url in
            let client = client(url)
            let me = try await client.call(GetMe())
            #expect(me.username == "VioBot")
            #expect(me.canReadAllGroupMessages == false)
            let sent = try await client.call(SendMessage(chatID: -1_001_234_567_890, text: "hi 😂", options: MessageOptions(disableNotification: true)))
            #expect(sent.chat.id == -1_001_234_567_890)
            #expect(sent.text == "hi 😂")
        }
        let send = try #require(server.calls.last)
        #expect(send.method == "sendMessage")
        #expect(send.contentType == "application/json")
        #expect(send.json?["chat_id"] as? Int64 == -1_001_234_567_890)
        #expect(send.json?["text"] as? String == "hi 😂")
        #expect(send.json?["disable_notification"] as? Bool == true)
    }

    @Test func uploadsArriveAsMultipart() async throws {
        let server = FakeBotAPI(token: token) { _, _ in
            (200, #"{"ok":true,"result":{"message_id":10,"date":0,"chat":{"id":42,"type":"private"},"document":{"file_id":"BQAD","file_unique_id":"u","file_name":"notes.txt"}}}"#)
        }
        let sent = try await server.run { url in
            try await client(url).call(SendDocument(chatID: 42, document: .upload(Data("line one\nline two".utf8), filename: "notes.txt", mimeType: "text/plain"), caption: "notes"))
        }
        #expect(sent.document?.fileName == "notes.txt")
        let call = try #require(server.calls.first)
        #expect(call.contentType.hasPrefix("multipart/form-data; boundary="))
        #expect(call.text.contains("name=\"document\"\r\n\r\nattach://file0\r\n"))
        #expect(call.text.contains("name=\"caption\"\r\n\r\nnotes\r\n"))
        #expect(call.text.contains("name=\"file0\"; filename=\"notes.txt\"\r\nContent-Type: text/plain\r\n\r\nline one\nline two\r\n"))
    }

    @Test func floodControlThenSuccess() async throws {
        let server = FakeBotAPI(token: token) { _, index in
            index == 0
                ? (429, #"{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 3","parameters":{"retry_after":3}}"#)
                : (200, #"{"ok":true,"result":true}"#)
        }
        let recorder = RecordingRetryEnvironment()
        let deleted = try await server.run { url in
            try await client(url, environment: recorder.environment).call(DeleteMessage(chatID: 42, messageID: 5))
        }
        #expect(deleted)
        #expect(recorder.waits == [.seconds(3)])
        #expect(server.calls.count == 2)
    }

    @Test func aWrongTokenIsABadTokenErrorThatDoesNotShowIt() async throws {
        let server = FakeBotAPI(token: token) { _, _ in (200, #"{"ok":true,"result":true}"#) }
        let wrong = "9999:wrong-token-that-must-stay-hidden"
        let logger = RecordingLogger()
        let error = try await server.run { url in
            await #expect(throws: TelegramError.self) { try await client(url, logger: logger, token: wrong).call(GetMe()) }
        }
        #expect(error?.kind == .badToken)
        #expect(error?.code == 401)
        let text = "\(String(describing: error)) \(logger.lines.map(\.text))"
        #expect(!text.contains(wrong))
        #expect(server.calls.isEmpty)
    }

    @Test func anUnreachableServerIsANetworkErrorWithoutTheToken() async throws {
        let closed = try #require(URL(string: "http://127.0.0.1:1"))
        let error = await #expect(throws: TelegramClientError.self) { try await client(closed).call(GetMe()) }
        guard case .network(let method, _)? = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(method == "getMe")
        #expect(!"\(String(describing: error))".contains(token))
    }

    @Test func longPollingConfirmsWhatItDelivered() async throws {
        let server = FakeBotAPI(token: token) { call, index in
            let offset = call.json?["offset"] as? Int64
            switch (index, offset) {
            case (0, nil):
                return (200, #"{"ok":true,"result":[{"update_id":100,"message":{"message_id":1,"date":0,"chat":{"id":1,"type":"private"},"text":"a"}},{"update_id":101,"callback_query":{"id":"q","from":{"id":1,"is_bot":false,"first_name":"A"},"data":"x"}}]}"#)
            case (1, 102?):
                return (200, #"{"ok":true,"result":[{"update_id":102,"brand_new_kind":{"x":1}}]}"#)
            default:
                return (409, #"{"ok":false,"error_code":409,"description":"Conflict: terminated by other getUpdates request"}"#)
            }
        }
        let kinds = try await server.run { url in
            var kinds: [String] = []
            do {
                for try await update in client(url).longPolling(timeout: 1) { kinds.append(update.kindName) }
            } catch let error as TelegramError where error.kind == .conflict {
                kinds.append("conflict")
            }
            return kinds
        }
        #expect(kinds == ["message", "callback_query", "unknown", "conflict"])
        #expect(server.calls.map { $0.json?["offset"] as? Int64 } == [nil, 102, 103])
        #expect(server.calls.allSatisfy { $0.json?["timeout"] as? Int == 1 })
    }
}
