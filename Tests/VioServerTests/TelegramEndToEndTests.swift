import Foundation
import Testing
import VioAsyncHTTPClient
import VioCore
@testable import VioServerKit
import VioServerTesting

/// The Vio bot on Telegram by long polling, against a fake Bot API on loopback.
@Suite struct TelegramEndToEndTests {
    static func message(_ update: Int, id: Int, chat: String, from user: Int, text: String, command: Int? = nil) -> String {
        let entities = command.map { #","entities":[{"type":"bot_command","offset":0,"length":\#($0)}]"# } ?? ""
        return #"{"update_id":\#(update),"message":{"message_id":\#(id),"date":1700000000,"chat":\#(chat),"from":{"id":\#(user),"is_bot":false,"first_name":"Ann"},"text":"\#(text)"\#(entities)}}"#
    }

    /// Waits until the chat answer `text` is shown: streamed answers end with an edit to it (the
    /// fake model streams `答`, then the rest).
    static func answer(_ text: String, from api: FakeBotAPI) async {
        _ = await api.waitForCall("editMessageText") { $0["text"]?.stringValue == text }
    }

    static let privateChat = #"{"id":42,"type":"private","first_name":"Ann"}"#
    static let group = #"{"id":-100555,"type":"supergroup","title":"Vio fans"}"#

    @Test func privateChatsAreAnsweredGroupsOnlyWhenAddressedAndUpdatesAreConfirmed() async throws {
        let api = FakeBotAPI()
        let directory = try TemporaryDirectory()
        try await api.run { apiURL in
            try await RunningServer.withVioBot(dataDirectory: directory.url, configure: { configuration in
                configuration.telegramToken = Redacted(FakeBotAPI.token)
                configuration.telegramAPIURL = apiURL
            }) { _ in
                api.queue([
                    Self.message(1, id: 10, chat: Self.privateChat, from: 42, text: "/ping", command: 5),
                    Self.message(2, id: 11, chat: Self.group, from: 43, text: "hello all"),
                    Self.message(3, id: 12, chat: Self.group, from: 43, text: "/ping@VioBot", command: 12),
                ])
                let privateReply = await api.waitForCall("sendMessage") { $0["chat_id"] == 42 }
                let text = privateReply.params["text"]?.stringValue ?? ""
                #expect(text.hasPrefix("pong"))
                #expect(text.contains("Telegram @VioBot"), "/ping names the Telegram bot")

                let groupReply = await api.waitForCall("sendMessage") { $0["chat_id"] == -100555 }
                #expect(groupReply.params["reply_parameters"]?["message_id"] == 12, "a group reply quotes the command")
                let confirming = await api.waitForCall("getUpdates") { $0["offset"] == 4 }
                #expect(confirming.params["offset"] == 4, "the next poll confirms all three updates")
            }
            api.finish()
        }
        let methods = api.calls.map(\.method)
        #expect(Array(methods.prefix(2)) == ["getMe", "deleteWebhook"], "the token is checked and a stale webhook deleted before polling")
        #expect(methods.filter { $0 == "sendMessage" }.count == 2, "the group message that did not address the bot got no answer")
    }

    @Test func aRefusedTokenTurnsTelegramOffAndTheServerGoesOn() async throws {
        let api = FakeBotAPI()
        let directory = try TemporaryDirectory()
        try await api.run { apiURL in
            try await RunningServer.withVioBot(dataDirectory: directory.url, configure: { configuration in
                configuration.telegramToken = Redacted("999:wrong-token")
                configuration.telegramAPIURL = apiURL
            }) { server in
                _ = await api.waitForCall("getMe")
                try await ScriptedOneBotPeer.connect(port: server.port, selfID: 20001) { peer in
                    try await peer.send(OneBotFrames.privateMessage("/ping", selfID: 20001))
                    #expect(try await peer.answerNext("send_msg").messageText.hasPrefix("pong"), "QQ is still served")
                }
            }
            api.finish()
        }
        #expect(api.calls.map(\.method) == ["getMe"], "nothing more is asked with a refused token")
    }
}

/// The Vio bot on Telegram by webhook, against the fake Bot API.
@Suite struct TelegramWebhookTests {
    static func post(_ path: String, port: Int, secret: String?, update: String, via transport: AsyncHTTPClientTransport) async throws -> Int {
        let url = try #require(URL(string: "http://127.0.0.1:\(port)\(path)"))
        var headers: HTTPHeaders = ["Content-Type": "application/json"]
        headers["X-Telegram-Bot-Api-Secret-Token"] = secret
        return try await transport.send(VioCore.HTTPRequest(method: "POST", url: url, headers: headers, body: Data(update.utf8), timeout: .seconds(10))).status
    }

    static func ping(_ update: Int, chat: Int) -> String {
        TelegramEndToEndTests.message(update, id: update, chat: #"{"id":\#(chat),"type":"private","first_name":"Ann"}"#, from: chat, text: "/ping", command: 5)
    }

    @Test func deliveriesWithTheSecretAreAnsweredOthersRefusedAndNothingIsPolled() async throws {
        let api = FakeBotAPI()
        let directory = try TemporaryDirectory()
        let token = FakeBotAPI.token
        try await api.run { apiURL in
            try await RunningServer.withVioBot(dataDirectory: directory.url, configure: { configuration in
                configuration.telegramToken = Redacted(token)
                configuration.telegramAPIURL = apiURL
                configuration.telegramWebhookURL = URL(string: "https://bot.example.com/tgbot/")
            }) { server in
                let set = await api.waitForCall("setWebhook")
                #expect(set.params["url"]?.stringValue == "https://bot.example.com/tgbot/\(token)", "VioGo's URL: TG_WEBHOOK_URL + the token")
                let secret = try #require(set.params["secret_token"]?.stringValue)
                #expect(secret == WebhookSecret.make(configured: nil, token: Redacted(token)).value, "the secret is the one derived from the token")

                try await AsyncHTTPClientTransport.withTransport { transport in
                    let wrong = try await Self.post("/tgbot/\(token)", port: server.port, secret: "wrong", update: Self.ping(1, chat: 41), via: transport)
                    let missing = try await Self.post("/tgbot/\(token)", port: server.port, secret: nil, update: Self.ping(2, chat: 42), via: transport)
                    #expect(wrong == 401 && missing == 401, "a wrong or missing secret is refused")
                    let delivered = try await Self.post("/tgbot/\(token)", port: server.port, secret: secret, update: Self.ping(3, chat: 43), via: transport)
                    #expect(delivered == 200)
                    let reply = await api.waitForCall("sendMessage") { $0["chat_id"] == 43 }
                    #expect(reply.params["text"]?.stringValue?.hasPrefix("pong") == true)
                    let fixedPath = try await Self.post(TelegramWebhook.fixedPath, port: server.port, secret: secret, update: Self.ping(4, chat: 44), via: transport)
                    #expect(fixedPath == 200)
                    _ = await api.waitForCall("sendMessage") { $0["chat_id"] == 44 }
                }
            }
            api.finish()
        }
        #expect(!api.calls.contains { $0.method == "getUpdates" || $0.method == "deleteWebhook" }, "a webhook bot never polls")
        #expect(!api.calls.contains { $0.method == "sendMessage" && ($0.params["chat_id"] == 41 || $0.params["chat_id"] == 42) },
                "refused deliveries are not acted on")
    }

    @Test func aConfiguredSecretIsUsedAsItIsAndOtherwiseEveryInstanceDerivesTheSameOne() {
        let token = Redacted(FakeBotAPI.token)
        #expect(WebhookSecret.make(configured: Redacted("my-secret"), token: token).value == "my-secret")
        let derived = WebhookSecret.make(configured: nil, token: token)
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")
        #expect(derived.value.count == 64 && derived.value.allSatisfy { allowed.contains($0) }, "what Telegram allows in a secret token")
        #expect(WebhookSecret.make(configured: nil, token: token) == derived, "another instance, or a restart on a wiped disk, derives the same")
        #expect(WebhookSecret.make(configured: nil, token: Redacted("654321:other-bot-token")) != derived)
    }
}
