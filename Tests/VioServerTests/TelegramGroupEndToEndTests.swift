import Foundation
import Testing
import VioCore
@testable import VioServerKit
import VioServerTesting

/// The Vio bot in a Telegram group, by long polling against the fake Bot API: who may do what,
/// greetings, and flood control.
@Suite struct TelegramGroupEndToEndTests {
    typealias T = TelegramEndToEndTests

    /// Runs the Vio bot on Telegram against `api`, then `body`.
    func run(_ api: FakeBotAPI, _ body: @escaping @Sendable () async throws -> Void) async throws {
        let directory = try TemporaryDirectory()
        try await run(api, in: directory.url, body)
    }

    /// Runs the Vio bot on Telegram against `api`, its model the fake `upstreams` when given, with
    /// its store in `directory` and `configure` applied, then `body`.
    func run(_ api: FakeBotAPI, upstreams: FakeUpstreams? = nil, in directory: URL,
             configure: @escaping @Sendable (inout ServerConfiguration) -> Void = { _ in },
             _ body: @escaping @Sendable () async throws -> Void) async throws {
        let serve: @Sendable (URL?) async throws -> Void = { modelURL in
            try await api.run { apiURL in
                try await RunningServer.withVioBot(dataDirectory: directory, configure: { configuration in
                    configuration.telegramToken = Redacted(FakeBotAPI.token)
                    configuration.telegramAPIURL = apiURL
                    if let modelURL {
                        configuration.chat = .init(apiKey: Redacted("sk-test-key-0123456789"), baseURL: modelURL.appendingPathComponent("v1"), model: "fake")
                    }
                    configure(&configuration)
                }) { _ in try await body() }
                api.finish()
            }
        }
        guard let upstreams else { return try await serve(nil) }
        try await upstreams.run { baseURL in try await serve(baseURL) }
    }

    static func reply(to message: Int, in api: FakeBotAPI) async -> String {
        let call = await api.waitForCall("sendMessage") { $0["reply_parameters"]?["message_id"]?.int64Value == Int64(message) }
        return call.params["text"]?.stringValue ?? ""
    }

    @Test func anAdministratorMaySwitchR18AndAPlainMemberMayNot() async throws {
        let api = FakeBotAPI()
        api.setStatus("creator", of: 1)
        api.setStatus("administrator", of: 43)
        try await run(api) {
            api.queue([
                T.message(1, id: 20, chat: T.group, from: 44, text: "/r18 on", command: 4),
                T.message(2, id: 21, chat: T.group, from: 43, text: "/r18 on", command: 4),
            ])
            #expect(await Self.reply(to: 20, in: api) == FeatureTexts.runtime.permissionDenied)
            #expect(await Self.reply(to: 21, in: api) == FeatureTexts.Picture.r18Enabled)
            let promotion = #"{"update_id":3,"chat_member":{"chat":{"id":-100555,"type":"supergroup"},"from":{"id":1,"is_bot":false,"first_name":"Olga"},"date":0,"old_chat_member":{"user":{"id":44,"is_bot":false,"first_name":"Bo"},"status":"member"},"new_chat_member":{"user":{"id":44,"is_bot":false,"first_name":"Bo"},"status":"administrator"}}}"#
            api.queue([promotion, T.message(4, id: 22, chat: T.group, from: 44, text: "/r18 off", command: 4)])
            #expect(await Self.reply(to: 22, in: api) == FeatureTexts.Picture.r18Disabled, "the promotion counted at once")
        }
        let lookups = api.calls.filter { $0.method == "getChatMember" }.compactMap { $0.params["user_id"]?.int64Value }
        #expect(lookups.sorted() == [43, 44], "each sender was looked up once (the two ran at once); the promotion needed no lookup")
    }

    @Test func adminListsTheStaffAndMutesTheMemberWhoAsked() async throws {
        let api = FakeBotAPI()
        api.setStatus("creator", of: 1)
        api.setStatus("administrator", of: 43)
        try await run(api) {
            api.queue([T.message(1, id: 30, chat: T.group, from: 44, text: "/admin@VioBot", command: 13)])
            let list = await Self.reply(to: 30, in: api)
            #expect(list == "本群管理员：\n群主：User1\n管理员：User43")
            let mute = await api.waitForCall("restrictChatMember")
            #expect(mute.params["user_id"] == 44)
            #expect(mute.params["permissions"]?["can_send_messages"] == false)
        }
    }

    @Test func newMembersAreWelcomedAndLeaversSeenOff() async throws {
        let api = FakeBotAPI()
        try await run(api) {
            let joined = #"{"update_id":1,"message":{"message_id":40,"date":1700000000,"chat":\#(T.group),"from":{"id":50,"is_bot":false,"first_name":"Cy"},"new_chat_members":[{"id":50,"is_bot":false,"first_name":"Cy"}]}}"#
            let left = #"{"update_id":2,"message":{"message_id":41,"date":1700000000,"chat":\#(T.group),"from":{"id":51,"is_bot":false,"first_name":"Di"},"left_chat_member":{"id":51,"is_bot":false,"first_name":"Di"}}}"#
            api.queue([joined])
            let welcome = await api.waitForCall("sendMessage") { $0["chat_id"] == -100555 }
            #expect(welcome.params["text"]?.stringValue?.contains("加入本群") == true)
            api.queue([left])
            let farewell = await api.waitForCall("sendMessage") { $0["text"]?.stringValue?.contains("离开了本群") == true }
            #expect(farewell.params["chat_id"] == -100555)
        }
    }

    @Test func aFloodWaitIsWaitedOutAsLongAsTelegramSaysThenTheReplyGoesOut() async throws {
        let api = FakeBotAPI()
        api.throttle(1, retryAfter: 1)
        try await run(api) {
            api.queue([T.message(1, id: 60, chat: T.privateChat, from: 42, text: "/ping", command: 5)])
            // The first attempt is refused with retry_after 1; the second goes through.
            _ = await api.waitForCall("sendMessage", ordinal: 2)
        }
        let attempts = api.calls.filter { $0.method == "sendMessage" }
        #expect(attempts.count == 2)
        if attempts.count == 2 {
            #expect(attempts[1].at - attempts[0].at >= .seconds(1), "not before the retry_after Telegram named")
            #expect(attempts[1].params["text"]?.stringValue?.hasPrefix("pong") == true)
        }
    }
}

extension TelegramGroupEndToEndTests {
    @Test func aGroupAdministratorSwitchesAFeatureOffForTheGroupOnly() async throws {
        let api = FakeBotAPI()
        api.setStatus("administrator", of: 43)
        try await run(api) {
            api.queue([T.message(1, id: 50, chat: T.group, from: 44, text: "/disable gun", command: 8)])
            #expect(await Self.reply(to: 50, in: api) == FeatureTexts.runtime.permissionDenied)
            api.queue([T.message(2, id: 51, chat: T.group, from: 43, text: "/disable@VioBot gun", command: 15)])
            #expect(await Self.reply(to: 51, in: api) == "好的，「枪声」在这里关闭了，发送 /enable gun 可以再开启。")
            api.queue([T.message(3, id: 52, chat: T.group, from: 44, text: "/gun", command: 4)])
            #expect(await Self.reply(to: 52, in: api) == "「枪声」在本群已关闭，群管理员可以发送 /enable gun 开启。")
        }
        #expect(!api.calls.contains { $0.method == "sendVoice" || $0.method == "sendAudio" }, "no sound was sent")
    }
}
