import Foundation
import OneBot
import Testing
import VioCore

@Suite struct ActionFixtureTests {
    private func response(_ name: String) throws -> ActionResponse {
        try ActionResponse(json: try Fixture.data(name))
    }

    private func object(_ data: Data) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: data)
    }

    private func frame(_ action: some OneBotAction) throws -> JSONValue {
        var session = OneBotSession<Void>()
        return try object(try session.call(action, timeout: .seconds(30), now: .now).frame)
    }

    @Test func requestsEncodeLikeTheRecordedOnes() throws {
        let group = try frame(SendGroupMessage(group: 123_456, message: "大家好！", format: .string))
        let recorded = try object(try Fixture.data("action-send_group_msg-request.json"))
        #expect(group["action"] == recorded["action"])
        #expect(group["params"] == recorded["params"])
        #expect(group["echo"] == "1")

        let privateMessage = try frame(SendPrivateMessage(user: 10_001_000, message: "你好", format: .string))
        #expect(privateMessage["params"] == (try object(try Fixture.data("action-send_private_msg-request.json")))["params"])

        let cq = try frame(SendPrivateMessage(user: 10_001_000, message: [.face(178), .text("看看我刚拍的照片"), .image(Segment.Image(file: "123.jpg"))], format: .string))
        #expect(cq["params"] == (try object(try Fixture.data("action-send_private_msg-params-string-message.json"))))

        #expect(try frame(GetMessage(123_456))["params"] == (try object(try Fixture.data("action-get_msg-request.json"))))
        #expect(try frame(SetMessageEmojiLike(messageID: 12345, emojiID: "123"))["params"] == (try object(try Fixture.data("action-set_msg_emoji_like-request.json"))))
        let history = try frame(GetGroupMessageHistory(group: "123456", messageSeq: 0, count: 20))["params"]
        #expect(history?["group_id"]?.int64Value == 123_456)
        #expect(history?["count"] == 20)
        let member = try frame(GetGroupMemberInfo(group: "123456", user: "123456789"))["params"]
        let recordedMember = try object(try Fixture.data("action-get_group_member_info-request-string-ids.json"))
        #expect(member?["user_id"]?.int64Value == recordedMember["user_id"]?.int64Value)
    }

    @Test func arrayFormatIsTheDefault() throws {
        let params = try frame(SendGroupMessage(group: 1, message: "hi \(at: 2)"))["params"]
        #expect(params?["message"] == [["type": "text", "data": ["text": "hi "]], ["type": "at", "data": ["qq": "2"]]])
        let ban = try frame(SetGroupBan(group: 1, user: 2, duration: .seconds(600)))
        #expect(ban["action"] == "set_group_ban")
        #expect(ban["params"] == ["group_id": 1, "user_id": 2, "duration": 600])
        #expect(try frame(GetLoginInfo())["params"] == [:])
        #expect(try frame(AsyncAction(DeleteMessage(5)))["action"] == "delete_msg_async")
        #expect(try frame(RawAction("nc_get_rkey", params: ["a": 1]))["params"] == ["a": 1])
    }

    @Test func forwardNodesEncodeInSpecSpelling() throws {
        let params = try frame(SendGroupForwardMessage(group: 1, nodes: [
            Segment.Node(messageID: 123),
            Segment.Node(user: 10086, nickname: "A", content: "测试消息1"),
        ]))["params"]
        let messages = params?["messages"]?.arrayValue ?? []
        #expect(messages.count == 2)
        #expect(messages.first == ["type": "node", "data": ["id": "123"]])
        #expect(messages.last?["data"]?["user_id"] == "10086")
        #expect(messages.last?["data"]?["content"] == [["type": "text", "data": ["text": "测试消息1"]]])
    }

    @Test func okResponsesDecodeToTypedData() throws {
        let sent = try response("action-send_group_msg-response.json")
        #expect(sent.echo == "自定义标识")
        #expect(try sent.result(for: SendGroupMessage(group: 1, message: "x")).messageID == 5678)

        let login = try response("action-get_login_info-response.json").result(for: GetLoginInfo())
        #expect(login.userID == 123_456_789)
        #expect(login.nickname == "机器人")

        let member = try response("action-get_group_member_info-response.json").result(for: GetGroupMemberInfo(group: 1, user: 2))
        #expect(member.role == .member)
        #expect(member.displayName == "名片")

        let message = try response("action-get_msg-response.json").result(for: GetMessage(123_456))
        #expect(message.message == "hello")
        #expect(message.realID == 123_456)
        #expect(message.sender?.nickname == "昵称")

        let generic = try response("action-response-ok.json").result(for: RawAction("get_stranger_info"))
        #expect(generic["nickname"] == "滑稽")

        let notices = try response("action-_get_group_notice-response.json").result(for: RawAction("_get_group_notice"))
        #expect(notices[0]?["sender_id"] == 1_111_111)
    }

    @Test func forwardResponseInGoCQHTTPShape() throws {
        let json5 = String(decoding: try Fixture.data("action-get_forward_msg-response.json5"), as: UTF8.self)
        let json = json5.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("//") }.joined(separator: "\n")
        let forward = try ActionResponse(json: Data(json.utf8)).result(for: GetForwardMessage("x"))
        #expect(forward.messages.count == 2)
        #expect(forward.messages[1].message.segments.first == .text("合并转发2"))
        #expect(forward.messages[1].sender?.userID == 10087)
    }

    @Test func failedResponsesCarryThePeersWords() throws {
        let napcat = try response("action-response-failed-1400-napcat.json")
        #expect(throws: OneBotError.actionFailed(action: "get_msg", retcode: 1400, message: "请求参数错误或业务逻辑执行失败")) {
            try napcat.result(for: GetMessage(1))
        }
        let missing = try response("action-response-failed-1404.json")
        #expect(missing.echo == "123")
        #expect(throws: OneBotError.actionFailed(action: "x", retcode: 1404, message: "")) { try missing.result(for: RawAction("x")) }
        let gocq = try ActionResponse(json: Data(#"{"status":"failed","retcode":100,"data":null,"msg":"MSG_NOT_FOUND","wording":"消息不存在","echo":7}"#.utf8))
        #expect(gocq.echo == "7")
        #expect(throws: OneBotError.actionFailed(action: "delete_msg", retcode: 100, message: "消息不存在")) { try gocq.result(for: DeleteMessage(1)) }
        let accepted = try ActionResponse(json: Data(#"{"status":"async","retcode":1,"data":null}"#.utf8))
        #expect(accepted.status == .async)
        #expect(try accepted.result(for: AsyncAction(DeleteMessage(1))) == NoData())
    }

    @Test func wrongDataShapeIsATypedError() throws {
        let odd = try ActionResponse(json: Data(#"{"status":"ok","retcode":0,"data":{"nickname":5}}"#.utf8))
        #expect(throws: OneBotError.self) { try odd.result(for: GetLoginInfo()) }
    }
}
