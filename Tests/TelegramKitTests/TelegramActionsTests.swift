import Foundation
import Testing
import VioCore
import VioCoreTesting
@testable import TelegramKit

@Suite struct TelegramActionsTests {
    private let now = Date(timeIntervalSince1970: 1_700_000_000)
    private let group = Chat.group(-1_001_234_567_890)

    private func actions(_ transport: ScriptedTransport, logger: RecordingLogger = RecordingLogger()) -> TelegramActions {
        TelegramActions(client: Replies.client(transport, logger: logger), now: { [now] in now })
    }

    private func bodies(_ transport: ScriptedTransport) throws -> [JSONValue] {
        try bodies(transport.requests)
    }

    private func bodies(_ requests: [HTTPRequest]) throws -> [JSONValue] {
        try requests.map { try JSONDecoder().decode(JSONValue.self, from: $0.body ?? Data()) }
    }

    @Test func textRepliesQuoteTheOriginalAndMentionsLinkToTheUser() async throws {
        let transport = ScriptedTransport([Replies.ok(Replies.message)])
        let actions = actions(transport)
        actions.remember(User(id: 42, firstName: "Ann", lastName: "Lee"))
        let id = try await actions.send(OutgoingMessage([.reply(to: 99), .text("hi 😂 "), .mention(42), .text("!")]), to: group)
        #expect(id == 7)
        #expect(transport.requests.first?.url.lastPathComponent == "sendMessage")
        #expect(try bodies(transport).first == [
            "chat_id": -1_001_234_567_890, "text": "hi 😂 Ann Lee!",
            "entities": [["type": "text_link", "offset": 6, "length": 7, "url": "tg://user?id=42"]],
            "reply_parameters": ["message_id": 99, "allow_sending_without_reply": true],
        ])
    }

    @Test func picturesCarryTheTextAsCaptionAndVoiceFollows() async throws {
        let transport = ScriptedTransport([Replies.ok(Replies.message), Replies.ok(Replies.message)])
        let picture = try #require(URL(string: "https://e.com/cat.jpg"))
        let clip = try #require(URL(string: "https://e.com/meow.ogg"))
        try await actions(transport).send(OutgoingMessage([.text("a cat"), .image(url: picture), .voice(url: clip)]), to: .private(42))
        #expect(transport.requests.map(\.url.lastPathComponent) == ["sendPhoto", "sendVoice"])
        #expect(try bodies(transport) == [
            ["chat_id": 42, "photo": "https://e.com/cat.jpg", "caption": "a cat"],
            ["chat_id": 42, "voice": "https://e.com/meow.ogg"],
        ])
    }

    @Test func aReceivedFileIsDownloadedByItsIDWithinTheLimit() async throws {
        let transport = ScriptedTransport([
            Replies.ok(#"{"file_id":"AgAD","file_unique_id":"u1","file_size":3,"file_path":"photos/file_1.jpg"}"#),
            .response(HTTPResponse(status: 200, body: Data([0xFF, 0xD8, 0xFF]))),
        ])
        #expect(try await actions(transport).downloadFile(id: "AgAD", maxBytes: 1000) == Data([0xFF, 0xD8, 0xFF]))
        #expect(try bodies(Array(transport.requests.prefix(1))) == [["file_id": "AgAD"]])
        #expect(transport.requests.last?.maximumBodySize == 1000)
    }

    @Test func aFileTelegramSaysIsOverTheLimitIsNotDownloaded() async throws {
        let transport = ScriptedTransport([
            Replies.ok(#"{"file_id":"AgAD","file_unique_id":"u1","file_size":5000,"file_path":"photos/file_1.jpg"}"#),
        ])
        await #expect(throws: TelegramClientError.self) { try await actions(transport).downloadFile(id: "AgAD", maxBytes: 1000) }
        #expect(transport.requests.count == 1)
    }

    @Test func pictureDataIsUploaded() async throws {
        let transport = ScriptedTransport([Replies.ok(Replies.message)])
        try await actions(transport).send(OutgoingMessage([.image(.data(Data([0xFF, 0xD8]), filename: "x.jpg"))]), to: .private(42))
        #expect(transport.requests.first?.headers["Content-Type"]?.hasPrefix("multipart/form-data; boundary=") == true)
        let body = String(decoding: transport.requests.first?.body ?? Data(), as: UTF8.self)
        #expect(body.contains(#"filename="x.jpg""#))
    }

    @Test func aCaptionTooLongGoesFirstAsText() async throws {
        let transport = ScriptedTransport([Replies.ok(Replies.message), Replies.ok(Replies.message)])
        let picture = try #require(URL(string: "https://e.com/cat.jpg"))
        try await actions(transport).send(OutgoingMessage([.text(String(repeating: "a", count: 1025)), .image(url: picture)]), to: .private(42))
        #expect(transport.requests.map(\.url.lastPathComponent) == ["sendMessage", "sendPhoto"])
        #expect(try bodies(transport).last?["caption"] == nil)
    }

    @Test func muteRestrictsUntilTheEnd() async throws {
        let transport = ScriptedTransport([Replies.ok("true")])
        try await actions(transport).mute(user: 5_964_236_329, in: group.id, for: .seconds(600))
        let body = try #require(try bodies(transport).first)
        #expect(transport.requests.first?.url.lastPathComponent == "restrictChatMember")
        #expect(body["user_id"] == 5_964_236_329)
        #expect(body["until_date"] == 1_700_000_600)
        #expect(body["permissions"]?["can_send_messages"] == false)
    }

    @Test(arguments: [
        (Duration.seconds(5), Int64(1_700_000_030), "raised to 30 s"),
        (Duration.seconds(400 * 86_400), Int64(1_700_000_000 + 366 * 86_400), "lowered to 366 days"),
    ])
    func muteLengthsTelegramWouldReadAsForeverAreClampedAndLogged(requested: Duration, until: Int64, note: String) async throws {
        let transport = ScriptedTransport([Replies.ok("true")])
        let logger = RecordingLogger()
        try await actions(transport, logger: logger).mute(user: 8, in: group.id, for: requested)
        #expect(try bodies(transport).first?["until_date"] == .int(until))
        #expect(logger.lines.contains { $0.level == .notice && $0.metadata["adjustment"] == note })
    }

    @Test func aZeroMuteLiftsIt() async throws {
        let transport = ScriptedTransport([Replies.ok("true")])
        try await actions(transport).mute(user: 8, in: group.id, for: .zero)
        let body = try #require(try bodies(transport).first)
        #expect(body["permissions"]?["can_send_messages"] == true)
        #expect(body["until_date"] == nil)
    }

    @Test func kickRemovesWithoutBanningForGood() async throws {
        let transport = ScriptedTransport([Replies.ok("true"), Replies.ok("true")])
        try await actions(transport).kick(user: 8, from: group.id)
        #expect(transport.requests.map(\.url.lastPathComponent) == ["banChatMember", "unbanChatMember"])
        #expect(try bodies(transport).last == ["chat_id": -1_001_234_567_890, "user_id": 8, "only_if_banned": true])
    }

    @Test func aMarkdownEditGoesAsHTMLAndMarkdownWithoutStylesAsItsText() async throws {
        let transport = ScriptedTransport([Replies.ok("true"), Replies.ok("true")])
        let actions = actions(transport)
        try await actions.edit(message: 55, in: group, markdown: "**好** <3")
        try await actions.edit(message: 56, in: group, markdown: "- 一\n- 二")
        #expect(try bodies(transport) == [
            ["chat_id": -1_001_234_567_890, "message_id": 55, "text": "<b>好</b> &lt;3", "parse_mode": "HTML"],
            ["chat_id": -1_001_234_567_890, "message_id": 56, "text": "• 一\n• 二"],
        ])
    }

    @Test func markupTelegramRefusesGoesAsWrittenAndAnEditThatChangesNothingIsDone() async throws {
        let transport = ScriptedTransport([
            Replies.json(#"{"ok":false,"error_code":400,"description":"Bad Request: can't parse entities: unsupported start tag"}"#, status: 400),
            Replies.json(#"{"ok":false,"error_code":400,"description":"Bad Request: message is not modified: specified new message content and reply markup are exactly the same"}"#, status: 400),
        ])
        let logger = RecordingLogger()
        try await actions(transport, logger: logger).edit(message: 55, in: group, markdown: "**好**")
        #expect(try bodies(transport).map { $0["text"] } == ["<b>好</b>", "**好**"])
        #expect(try bodies(transport).last?["parse_mode"] == nil)
        #expect(logger.lines.contains { $0.level == .notice && $0.message.contains("refused a formatted text") })
        let refused = ScriptedTransport([Replies.json(#"{"ok":false,"error_code":403,"description":"Forbidden: bot was kicked"}"#, status: 403)])
        await #expect(throws: TelegramError.self) { try await actions(refused).edit(message: 55, in: group, markdown: "**好**") }
    }

    @Test func recallDeletesTheMessage() async throws {
        let transport = ScriptedTransport([Replies.ok("true")])
        try await actions(transport).recall(message: 55, in: group)
        #expect(try bodies(transport).first == ["chat_id": -1_001_234_567_890, "message_id": 55])
        await #expect(throws: TelegramAdapterError.self) { try await actions(transport).recall(message: "abc", in: group) }
    }

    @Test func memberInfoAndAdministrators() async throws {
        let admin = String(decoding: try Fixtures.data("chat_member-administrator"), as: UTF8.self)
        let owner = #"{"user":{"id":1,"is_bot":false,"first_name":"Olga"},"status":"creator","custom_title":"boss"}"#
        let transport = ScriptedTransport([Replies.ok(admin), Replies.ok("[\(owner),\(admin)]")])
        let actions = actions(transport)
        let info = try await actions.memberInfo(user: 1_029_940_401, in: group.id)
        #expect(info == MemberInfo(user: 1_029_940_401, group: group.id, displayName: "First Last", role: .admin))
        let admins = try await actions.administrators(in: group.id)
        #expect(admins.map(\.role) == [.owner, .admin])
        #expect(admins.first?.title == "boss")
        #expect(transport.requests.map(\.url.lastPathComponent) == ["getChatMember", "getChatAdministrators"])
    }

    @Test func platformActionsByName() async throws {
        let transport = ScriptedTransport([Replies.ok("true")])
        let result = try await actions(transport).call("pinChatMessage", params: ["chat_id": -100, "message_id": 5])
        #expect(result == true)
        #expect(transport.requests.first?.url.lastPathComponent == "pinChatMessage")
    }

    @Test func fetchingEarlierMessagesIsUnsupported() async throws {
        await #expect(throws: VioError.unsupported(.fetchMessage, .telegram)) {
            try await actions(ScriptedTransport([])).fetchMessage(id: 1, in: group)
        }
    }

    @Test func aBotRepliesThroughTheAdapter() async throws {
        var bot = Bot(services: BotServices(logger: SilentLogger()))
        bot.command("/ping") { context, _ in try await context.reply("pong") }
        let transport = ScriptedTransport([Replies.ok(Replies.message)])
        let adapter = TelegramAdapter(client: Replies.client(transport), bot: User(id: 777, isBot: true, firstName: "Vio", username: "VioBot"))
        let update = try JSONDecoder().decode(Update.self, from: Data(#"""
            {"update_id":1,"message":{"message_id":31,"date":0,"chat":{"id":-1001,"type":"supergroup"},
             "from":{"id":9,"is_bot":false,"first_name":"Bo"},"text":"/ping@VioBot","entities":[{"type":"bot_command","offset":0,"length":12}]}}
            """#.utf8))
        for event in adapter.events(for: update) { await bot.handle(event, via: adapter.actions) }
        #expect(try bodies(transport) == [["chat_id": -1001, "text": "pong", "reply_parameters": ["message_id": 31, "allow_sending_without_reply": true]]])
    }
}
