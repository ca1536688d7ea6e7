import Foundation
import Testing
import VioCore
@testable import VioServer

/// The Vio bot on Telegram by long polling, against a fake Bot API on loopback.
@Suite struct TelegramEndToEndTests {
    static func message(_ update: Int, id: Int, chat: String, from user: Int, text: String, command: Int? = nil) -> String {
        let entities = command.map { #","entities":[{"type":"bot_command","offset":0,"length":\#($0)}]"# } ?? ""
        return #"{"update_id":\#(update),"message":{"message_id":\#(id),"date":1700000000,"chat":\#(chat),"from":{"id":\#(user),"is_bot":false,"first_name":"Ann"},"text":"\#(text)"\#(entities)}}"#
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
