import Foundation
import OneBot
import VioCoreTesting
import Testing
import VioCore

@Suite struct AdapterTests {
    private func decode(_ json: String) throws -> OneBotEvent {
        try OneBotEvent(json: Data(json.utf8))
    }

    private func groupMessage(_ message: String, self selfID: Int64 = 10) throws -> OneBotEvent {
        try decode(#"{"time":1700000000,"self_id":\#(selfID),"post_type":"message","message_type":"group","sub_type":"normal","message_id":77,"user_id":42,"group_id":500,"group_name":"测试群","message":\#(message),"sender":{"user_id":42,"nickname":"nick","card":"","role":"admin"}}"#)
    }

    private func inbound(_ event: BotEvent?) throws -> InboundMessage {
        guard case .message(let message)? = event else { throw Fixture.Missing(name: "message") }
        return message
    }

    @Test func groupMessagesMentioningTheBotAreAddressed() throws {
        let event = try OneBotEvent(json: try Fixture.data("event-message-group-array.json"))
        let adapter = OneBotAdapter(client: OneBotClient.unconnected(), selfID: event.selfID)
        let message = try inbound(adapter.botEvent(for: event))
        #expect(message.isAddressedToBot)
        #expect(message.text == "大家好！")
        #expect(message.chat == .group(987_654_321))
        #expect(message.sender.displayName == "管理员")
        #expect(message.sender.role == .admin)
        #expect(message.mentions == [123_456_789])
        #expect(message.date == Date(timeIntervalSince1970: 1_718_000_001))
        #expect((message.raw as? OneBotEvent)?.selfID == event.selfID)
    }

    @Test func atAllAndOtherMentionsAreNotAddressedButPrivateMessagesAre() throws {
        let adapter = OneBotAdapter(client: OneBotClient.unconnected(), selfID: 10)
        let all = try inbound(adapter.botEvent(for: try groupMessage(#""[CQ:at,qq=all] 开会""#)))
        #expect(!all.isAddressedToBot)
        #expect(all.parts.first == .mentionAll)
        #expect(all.text == "开会")
        #expect(all.chat.title == "测试群")
        #expect(all.sender.displayName == "nick")
        let other = try inbound(adapter.botEvent(for: try groupMessage(#"[{"type":"at","data":{"qq":11}}]"#)))
        #expect(!other.isAddressedToBot)
        let privateEvent = try OneBotEvent(json: try Fixture.data("event-message-private-array.json"))
        let privateMessage = try inbound(OneBotAdapter(client: OneBotClient.unconnected(), selfID: privateEvent.selfID).botEvent(for: privateEvent))
        #expect(privateMessage.isAddressedToBot)
        #expect(privateMessage.chat == .private(234_567_890))
    }

    @Test func repliesToTheBotsOwnMessagesAreAddressed() async throws {
        let peer = ScriptedPeer { _, _ in ["message_id": 5678] }
        let adapter = OneBotAdapter(client: peer.client, selfID: 10)
        let quote = #"[{"type":"reply","data":{"id":"5678"}},{"type":"text","data":{"text":"why?"}}]"#
        #expect(try inbound(adapter.botEvent(for: try groupMessage(quote))).isAddressedToBot == false)
        let sent = try await adapter.send("hello", to: .group(500))
        #expect(sent == 5678)
        let reply = try inbound(adapter.botEvent(for: try groupMessage(quote)))
        #expect(reply.isAddressedToBot)
        #expect(reply.replyTo == 5678)
        await peer.stop()
    }

    @Test func theBotsOwnMessagesAndMetaEventsAreNotDispatched() throws {
        let adapter = OneBotAdapter(client: OneBotClient.unconnected(), selfID: 1_692_038_362)
        #expect(adapter.botEvent(for: try OneBotEvent(json: try Fixture.data("event-message_sent-private-file-napcat.json"))) == nil)
        #expect(adapter.botEvent(for: try OneBotEvent(json: try Fixture.data("event-meta-heartbeat-napcat.json"))) == nil)
        let quote = #"{"time":1,"self_id":1692038362,"post_type":"message","message_type":"private","sub_type":"friend","message_id":9,"user_id":5,"message":[{"type":"reply","data":{"id":370745486}}]}"#
        #expect(try inbound(adapter.botEvent(for: try decode(quote))).replyTo == 370_745_486)
    }

    @Test func noticesMapToPlatformNotices() throws {
        let adapter = OneBotAdapter(client: OneBotClient.unconnected(), selfID: 123_456_789)
        guard case .notice(.memberMuted(let mute))? = adapter.botEvent(for: try OneBotEvent(json: try Fixture.data("event-notice-group_ban.json"))) else {
            throw Fixture.Missing(name: "mute")
        }
        #expect(mute == .init(chat: .group(987_654_321), user: 345_678_903, operatorID: 123_456_789, duration: .seconds(600)))
        guard case .notice(.memberJoined(let joined))? = adapter.botEvent(for: try OneBotEvent(json: try Fixture.data("event-notice-group_increase.json"))) else {
            throw Fixture.Missing(name: "join")
        }
        #expect(joined.user == 345_678_902)
        let recallJSON = #"{"time":5,"self_id":1,"post_type":"notice","notice_type":"group_recall","group_id":2,"user_id":3,"operator_id":4,"message_id":-9}"#
        guard case .notice(.messageRecalled(let recall))? = adapter.botEvent(for: try decode(recallJSON)) else { throw Fixture.Missing(name: "recall") }
        #expect(recall == .init(chat: .group(2), messageID: -9, sender: 3, operatorID: 4, date: Date(timeIntervalSince1970: 5)))
        guard case .notice(.other(let kind, let chat, _))? = adapter.botEvent(for: try OneBotEvent(json: try Fixture.data("event-request-friend.json"))) else {
            throw Fixture.Missing(name: "request")
        }
        #expect(kind == "request.friend")
        #expect(chat == .private(456_789_012))
        guard case .notice(.other(let card, _, _))? = adapter.botEvent(for: try OneBotEvent(json: try Fixture.data("event-notice-group_card.json"))) else {
            throw Fixture.Missing(name: "card")
        }
        #expect(card == "notice.group_card")
    }

    @Test func capabilitiesBecomeTypedActions() async throws {
        let peer = ScriptedPeer { action, params in
            switch action {
            case "get_msg": ["message_id": params["message_id"] ?? nil, "time": 100, "sender": ["user_id": 42, "nickname": "n"], "message": "[CQ:at,qq=10] hi"]
            case "get_group_member_info": ["group_id": 500, "user_id": 42, "nickname": "nick", "card": "卡", "role": "owner", "title": ""]
            case "send_msg", "send_group_forward_msg": ["message_id": 1]
            case "set_group_kick": nil
            default: [:]
            }
        }
        let adapter = OneBotAdapter(client: peer.client, selfID: 10)
        try await adapter.mute(user: 42, in: 500, for: .seconds(60))
        try await adapter.recall(message: 77, in: .group(500))
        let fetched = try await adapter.fetchMessage(id: 77, in: .group(500))
        #expect(fetched.text == "hi")
        #expect(fetched.isAddressedToBot)
        #expect(fetched.sender.id == 42)
        let member = try await adapter.memberInfo(user: 42, in: 500)
        #expect(member == MemberInfo(user: 42, group: 500, displayName: "卡", role: .owner))
        let bundle = OutgoingMessage([.forward([ForwardNode(senderID: 10, senderName: "Vio", message: "a")])])
        #expect(try await adapter.send(bundle, to: .group(500)) == 1)
        await #expect(throws: OneBotError.actionFailed(action: "set_group_kick", retcode: 100, message: "scripted failure")) {
            try await adapter.kick(user: 42, from: 500)
        }
        #expect(try await adapter.call("custom", params: ["x": 1]) == [:])
        let calls = peer.calls
        #expect(calls.map(\.action) == ["set_group_ban", "delete_msg", "get_msg", "get_group_member_info", "send_group_forward_msg", "set_group_kick", "custom"])
        #expect(calls[0].params == ["group_id": 500, "user_id": 42, "duration": 60])
        #expect(calls[4].params["messages"]?[0]?["data"]?["nickname"] == "Vio")
        await peer.stop()
    }

    @Test func aBotReplyInAGroupQuotesTheMessage() async throws {
        let peer = ScriptedPeer { _, _ in ["message_id": 1] }
        let adapter = OneBotAdapter(client: peer.client, selfID: 10)
        var bot = Bot()
        bot.command("/ping") { context, _ in try await context.reply("pong \(mention: context.sender.id)") }
        guard let event = adapter.botEvent(for: try groupMessage(#""[CQ:at,qq=10] /ping""#)) else { throw Fixture.Missing(name: "ping") }
        await bot.handle(event, via: adapter)
        let send = try #require(peer.calls.first)
        #expect(send.action == "send_msg")
        #expect(send.params["message_type"] == "group")
        #expect(send.params["group_id"] == 500)
        let message = try #require(Message(jsonValue: send.params["message"] ?? .null))
        #expect(message == [.reply(to: 77), .text("pong "), .at(42)])
        await peer.stop()
    }
}

/// The bot's own messages are dropped once, by ``Bot``, for every platform; the adapter only remembers them.
@Suite struct OwnMessageTests {
    @Test func theBotsOwnMessageReachesTheBotWhichDropsItAndRepliesToItAreAddressed() async throws {
        let adapter = OneBotAdapter(client: OneBotClient.unconnected(), selfID: 5)
        let own = try OneBotEvent(json: Data(#"{"time":1,"self_id":5,"post_type":"message","message_type":"group","sub_type":"normal","message_id":77,"group_id":9,"user_id":5,"message":"/ping"}"#.utf8))
        let event = try #require(adapter.botEvent(for: own))
        var bot = Bot(services: BotServices(logger: SilentLogger()))
        bot.command("/ping") { context, _ in try await context.reply("pong") }
        let actions = RecordingActions()
        await bot.handle(event, via: actions)
        #expect(actions.sentTexts.isEmpty, "the bot does not answer itself")

        let reply = try OneBotEvent(json: Data(#"{"time":2,"self_id":5,"post_type":"message","message_type":"group","sub_type":"normal","message_id":78,"group_id":9,"user_id":6,"message":[{"type":"reply","data":{"id":"77"}},{"type":"text","data":{"text":"/ping"}}]}"#.utf8))
        let replyEvent = try #require(adapter.botEvent(for: reply))
        await bot.handle(replyEvent, via: actions)
        #expect(actions.sentTexts == ["pong"], "a reply to the bot's own message is addressed to it")
    }
}
