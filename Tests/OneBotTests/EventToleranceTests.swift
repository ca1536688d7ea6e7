import Foundation
import OneBot
import Testing
import VioCore
import VioTestSupport

@Suite struct EventToleranceTests {
    private func decode(_ json: String) throws -> OneBotEvent {
        try OneBotEvent(json: Data(json.utf8))
    }

    @Test func unknownPostTypeKeepsTheRawFrame() throws {
        let json = #"{"time":1,"self_id":"42","post_type":"message_reaction","emoji":"👍"}"#
        let event = try decode(json)
        guard case .unknown(let postType) = event.kind else { throw Fixture.Missing(name: "unknown") }
        #expect(postType == "message_reaction")
        #expect(event.selfID == 42)
        #expect(String(decoding: event.raw, as: UTF8.self) == json)
    }

    @Test func unknownNoticeAndNotifyTypesAreUnknownNotices() throws {
        let notice = try decode(#"{"time":1,"self_id":1,"post_type":"notice","notice_type":"bot_offline","tag":"x"}"#)
        guard case .notice(.unknown(let type, nil)) = notice.kind else { throw Fixture.Missing(name: "notice") }
        #expect(type == "bot_offline")
        let notify = try decode(#"{"time":1,"self_id":1,"post_type":"notice","notice_type":"notify","sub_type":"input_status","user_id":2}"#)
        guard case .notice(.unknown("notify", let sub)) = notify.kind else { throw Fixture.Missing(name: "notify") }
        #expect(sub == "input_status")
    }

    @Test func idsAsStringsAndAnonymousNull() throws {
        let event = try decode(#"""
            {"time":"1700000000","self_id":"10001","post_type":"message","message_type":"group","sub_type":"anonymous",
             "message_id":"-5","user_id":"80000000","group_id":"9223372036854775807","anonymous":{"id":7,"name":"匿名","flag":"f|7"},
             "message":"&#91;hi&#93; [CQ:face,id=1]","raw_message":"&#91;hi&#93; [CQ:face,id=1]","font":"0",
             "sender":{"user_id":80000000,"level":3,"role":"superhero","age":"x"}, "extra": {"nested": [1, 2]}}
            """#)
        guard case .message(let message) = event.kind else { throw Fixture.Missing(name: "message") }
        #expect(event.time == 1_700_000_000)
        #expect(message.messageID == -5)
        #expect(message.groupID == ID(Int64.max))
        #expect(message.anonymous?.flag == "f|7")
        #expect(message.message.segments == [.text("[hi] "), .face(1)])
        #expect(message.sender.level == "3")
        #expect(message.sender.role == nil, "an unknown role is dropped, not fatal")
        #expect(message.sender.age == nil)

        let plain = try decode(#"{"time":1,"self_id":1,"post_type":"message","message_type":"group","sub_type":"normal","message_id":1,"user_id":2,"group_id":3,"anonymous":null,"message":[]}"#)
        guard case .message(let second) = plain.kind else { throw Fixture.Missing(name: "message") }
        #expect(second.anonymous == nil)
        #expect(second.message.isEmpty)
    }

    @Test func noticesWithoutFixturesDecodeFromTheirDocumentedShapes() throws {
        func notice(_ members: String) throws -> NoticeEvent {
            guard case .notice(let notice) = try decode(#"{"time":1,"self_id":9,"post_type":"notice",\#(members)}"#).kind else {
                throw Fixture.Missing(name: members)
            }
            return notice
        }
        let kickedMe = try #require(try groupMember(#""sub_type":"kick_me","group_id":1,"user_id":9,"operator_id":2"#))
        #expect(kickedMe.subType == "kick_me" && kickedMe.wasRemoved && kickedMe.operatorID == 2)
        guard case .groupDecrease(let kicked) = try notice(#""notice_type":"group_decrease","sub_type":"kick","group_id":1,"user_id":3,"operator_id":2"#) else { throw Fixture.Missing(name: "kick") }
        #expect(kicked.wasRemoved)
        guard case .poke(let poke) = try notice(#""notice_type":"notify","sub_type":"poke","group_id":1,"user_id":2,"target_id":9"#) else { throw Fixture.Missing(name: "poke") }
        #expect(poke.targetID == 9)
        guard case .luckyKing(let king) = try notice(#""notice_type":"notify","sub_type":"lucky_king","group_id":1,"user_id":2,"target_id":3"#) else { throw Fixture.Missing(name: "king") }
        #expect(king.targetID == 3)
        guard case .honor(let honor) = try notice(#""notice_type":"notify","sub_type":"honor","group_id":1,"user_id":2,"honor_type":"talkative""#) else { throw Fixture.Missing(name: "honor") }
        #expect(honor.honorType == "talkative")
        guard case .friendRecall(let recall) = try notice(#""notice_type":"friend_recall","user_id":2,"message_id":-7"#) else { throw Fixture.Missing(name: "recall") }
        #expect(recall.messageID == -7)
        guard case .offlineFile(let file) = try notice(#""notice_type":"offline_file","user_id":2,"file":{"name":"a.txt","size":3,"url":"http://x"}"#) else { throw Fixture.Missing(name: "file") }
        #expect(file.file.url == "http://x")
        guard case .clientStatus(let client) = try notice(#""notice_type":"client_status","online":true,"client":{"app_id":1}"#) else { throw Fixture.Missing(name: "client") }
        #expect(client.online)
        guard case .groupMessageEmojiLike(let like) = try notice(#""notice_type":"group_msg_emoji_like","group_id":1,"user_id":2,"message_id":3,"likes":[{"emoji_id":"76","count":2},5]"#) else { throw Fixture.Missing(name: "like") }
        #expect(like.likes == [EmojiLike(emojiID: "76", count: 2)])
        guard case .groupBan(let lift) = try notice(#""notice_type":"group_ban","sub_type":"lift_ban","group_id":1,"user_id":2,"operator_id":3,"duration":0"#) else { throw Fixture.Missing(name: "lift") }
        #expect(!lift.isBan)
        #expect(lift.duration == .zero)
        #expect(throws: OneBotError.self) { try notice(#""notice_type":"group_recall","user_id":2"#) }
    }

    private func groupMember(_ members: String) throws -> GroupMemberNotice? {
        guard case .notice(.groupDecrease(let change)) = try decode(#"{"time":1,"self_id":9,"post_type":"notice","notice_type":"group_decrease",\#(members)}"#).kind else { return nil }
        return change
    }

    @Test func responsesAndGarbageAreTypedErrors() {
        #expect(throws: OneBotError.notAnEvent) { try decode(#"{"status":"ok","retcode":0,"data":null,"echo":"1"}"#) }
        #expect(throws: OneBotError.self) { try decode("not json") }
        #expect(throws: OneBotError.self) { try decode("[1,2]") }
        #expect(throws: OneBotError.self) { try decode(#"{"post_type":"message","message_type":"private"}"#) }
        #expect(throws: OneBotError.self) { try decode(#"{"post_type":"notice"} trailing"#) }
    }

    @Test func tenThousandRandomByteStringsNeverCrash() {
        var generator = SeededGenerator(seed: 0x5EED)
        let alphabet = Array(#"{}[]":,\-0123456789.eE truefalsnul"post_type"message"#.utf8) + [0xE4, 0xBD, 0xA0, 0xFF, 0x00]
        var decoded = 0
        for round in 0..<10_000 {
            let length = Int.random(in: 0..<120, using: &generator)
            var bytes = (0..<length).map { _ in alphabet.randomElement(using: &generator) ?? 0 }
            if round % 3 == 0 { bytes = Array(#"{"post_type":"message","message_type":"private","message_id":1,"user_id":2,"message":"#.utf8) + bytes }
            if (try? OneBotEvent(json: Data(bytes))) != nil { decoded += 1 }
            _ = CQCode.parse(String(decoding: bytes, as: UTF8.self))
        }
        #expect(decoded < 10_000)
    }
}
