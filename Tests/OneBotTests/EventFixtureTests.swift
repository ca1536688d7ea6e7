import Foundation
import OneBot
import Testing
import VioCore

@Suite struct EventFixtureTests {
    private func event(_ name: String) throws -> OneBotEvent {
        try OneBotEvent(json: try Fixture.data(name))
    }

    private func message(_ name: String) throws -> MessageEvent {
        let event = try event(name)
        guard case .message(let message) = event.kind else {
            Issue.record("\(name) is not a message event: \(event.kind)")
            throw Fixture.Missing(name: name)
        }
        return message
    }

    private func notice(_ name: String) throws -> NoticeEvent {
        let event = try event(name)
        guard case .notice(let notice) = event.kind else {
            Issue.record("\(name) is not a notice: \(event.kind)")
            throw Fixture.Missing(name: name)
        }
        return notice
    }

    @Test func everyEventFixtureDecodesToAKnownKind() throws {
        let names = try Fixture.names(prefix: "event-")
        #expect(names.count == 23)
        for name in names {
            let event = try event(name)
            #expect(event.time > 1_500_000_000 || event.time > 1_000_000_000, "\(name) time")
            #expect(event.selfID.int64Value ?? 0 > 0, "\(name) self_id")
            if case .unknown(let postType) = event.kind { Issue.record("\(name) decoded as unknown \(postType)") }
            if case .notice(.unknown(let type, let sub)) = event.kind { Issue.record("\(name): unknown notice \(type)/\(sub ?? "-")") }
        }
    }

    @Test func groupMessageArray() throws {
        let message = try message("event-message-group-array.json")
        #expect(message.messageType == .group)
        #expect(message.subType == "normal")
        #expect(message.messageID == 2002)
        #expect(message.groupID == 987_654_321)
        #expect(message.message.segments == [.at(123_456_789), .text("大家好！")])
        #expect(message.rawMessage == "[CQ:at,qq=123456789]大家好！")
        #expect(message.sender.role == .admin)
        #expect(message.sender.displayName == "管理员")
        #expect(message.message.cqString == message.rawMessage)
    }

    @Test func stringAndArrayFormatsGiveTheSameSegments() throws {
        let string = try message("event-message-private-string.json")
        #expect(string.message.segments == [.text("你好～")])
        #expect(string.font == 456)
        #expect(string.sender.userID == nil, "go-cqhttp's sample sender has no user_id")
        #expect(string.sender.nickname == "小不点")
        let array = try message("event-message-private-array.json")
        #expect(array.message == Message(cq: array.rawMessage))
        #expect(array.sender.age == 18)
    }

    @Test func negativeMessageIDsStay64Bit() throws {
        let message = try message("event-message-private-negative-message_id.json")
        #expect(message.messageID == ID(-2_147_483_557))
        #expect(message.messageSeq == -2_147_483_557)
        #expect(message.realID == ID(-2_147_483_557))
        #expect(message.messageFormat == "array")
    }

    @Test func napCatExtrasAreKept() throws {
        let message = try message("event-message-private-real_seq-string.json")
        #expect(message.realSeq == "382")
        #expect(message.targetID == 123_456)
        #expect(message.sender.userID == 2_418_701_971)
        let temp = try self.message("event-message-private-temp-sub_type-group.json")
        #expect(temp.subType == "group")
        #expect(temp.tempSource == 0)
        #expect(temp.targetID == 987_654_321)
    }

    @Test func napCatGroupMessagesWithFilesStickersAndShakes() throws {
        let file = try message("event-message-group-file-segment.json")
        guard case .file(let payload) = file.message.segments.first else {
            Issue.record("expected a file segment, got \(file.message.segments)")
            return
        }
        #expect(payload.size == 16_717_747)
        #expect(payload.fileID == "/ad295eef-f08f-4ec1-8c1f-bd158e513c17")
        #expect(file.groupName == "OSU!Mania-笨笨萌新交流群")
        #expect(file.sender.level == "24")
        #expect(file.sender.title == "我好可爱！")

        let mface = try message("event-message-group-mface-escaped-raw_message.json")
        guard case .mface(let sticker) = mface.message.segments.first else {
            Issue.record("expected an mface segment")
            return
        }
        #expect(sticker.summary == "[摸头]")
        #expect(sticker.packageID == 244_959)
        #expect(Message(cq: mface.rawMessage) == mface.message, "raw_message parses to the same sticker")

        let shake = try message("event-message-group-shake-napcat-raw_pb.json")
        #expect(shake.message.segments == [.shake()])
        #expect(shake.sender.displayName == "George33（ln苦手")
    }

    @Test func messageSentIsTheBotsOwnMessage() throws {
        let event = try event("event-message_sent-private-file-napcat.json")
        guard case .messageSent(let message) = event.kind else {
            Issue.record("expected message_sent, got \(event.kind)")
            return
        }
        #expect(message.userID == event.selfID)
        #expect(message.targetID == 0)
    }

    @Test func notices() throws {
        guard case .groupBan(let ban) = try notice("event-notice-group_ban.json") else { throw Fixture.Missing(name: "ban") }
        #expect(ban.duration == .seconds(600))
        #expect(ban.isBan)
        #expect(ban.operatorID == 123_456_789)

        guard case .groupIncrease(let increase) = try notice("event-notice-group_increase.json") else { throw Fixture.Missing(name: "increase") }
        #expect(increase.subType == "invite")
        #expect(!increase.wasRemoved)

        guard case .groupAdmin(let admin) = try notice("event-notice-group_admin-set.json") else { throw Fixture.Missing(name: "admin") }
        #expect(admin.isSet)
        #expect(admin.operatorID == nil)

        guard case .groupCard(let card) = try notice("event-notice-group_card.json") else { throw Fixture.Missing(name: "card") }
        #expect(card.newCard.isEmpty)
        #expect(card.oldCard == "入口即化柔柔弱弱软软糯糯威威风风浩浩荡荡")

        guard case .groupUpload(let upload) = try notice("event-notice-group_upload.json") else { throw Fixture.Missing(name: "upload") }
        #expect(upload.file.size == 3_685_706)
        #expect(upload.file.busid == 104)
        #expect(upload.file.name == "1b86bbc2046898063501ba1fc9738921.mp4")

        guard case .essence(let essence) = try notice("event-notice-essence-add-negative-message_id.json") else { throw Fixture.Missing(name: "essence") }
        #expect(essence.messageID == ID(-279_345_864))
        #expect(essence.isAdded)
        #expect(essence.senderID == 1_707_235_874)

        guard case .friendAdd(let friend) = try notice("event-notice-friend_add.json") else { throw Fixture.Missing(name: "friend") }
        #expect(friend.userID == 1_951_701_741)

        guard case .title(let title) = try notice("event-notice-notify-title-napcat.json") else { throw Fixture.Missing(name: "title") }
        #expect(title.title == "前会长")

        guard case .profileLike(let like) = try notice("event-notice-notify-profile_like-napcat.json") else { throw Fixture.Missing(name: "like") }
        #expect(like.times == 5)
        #expect(like.operatorNick == "施君纹吉")
    }

    @Test func requestsCarryTheirFlag() throws {
        guard case .request(.friend(let friend)) = try event("event-request-friend.json").kind else { throw Fixture.Missing(name: "friend") }
        #expect(friend.flag == "request_flag_1")
        #expect(friend.comment == "我是机器人粉丝")
        guard case .request(.group(let group)) = try event("event-request-group-add.json").kind else { throw Fixture.Missing(name: "group") }
        #expect(group.flag == "request_flag_2")
        #expect(!group.isInvitation)
        #expect(group.groupID == 987_654_321)
    }

    @Test func metaEvents() throws {
        guard case .meta(.heartbeat(let beat)) = try event("event-meta-heartbeat-napcat.json").kind else { throw Fixture.Missing(name: "beat") }
        #expect(beat.interval == .seconds(30))
        #expect(beat.isOnline == true)
        #expect(beat.isGood == true)
        guard case .meta(.lifecycle(let lifecycle)) = try event("event-meta-lifecycle-connect.json").kind else { throw Fixture.Missing(name: "life") }
        #expect(lifecycle == .connect)
    }
}
