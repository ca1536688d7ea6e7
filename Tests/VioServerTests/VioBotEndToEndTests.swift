import Foundation
import Testing
import VioCore
import VioCoreTesting
@testable import VioServerKit
import VioServerTesting
@testable import VioStorage

/// The real Vio bot — every feature, SQLite storage — behind real sockets: a scripted OneBot peer,
/// a fake model and a fake picture API on loopback.
@Suite struct VioBotEndToEndTests {
    static let selfID: Int64 = 3_000_000_002

    /// Runs the Vio bot against `upstreams`, on `directory`'s data, with the settings `configure` adds.
    func run(_ upstreams: FakeUpstreams, in directory: URL, configure: @escaping @Sendable (inout ServerConfiguration) -> Void = { _ in },
             _ script: @escaping @Sendable (ScriptedOneBotPeer.Session) async throws -> Void) async throws {
        try await run(upstreams, in: directory, configure: configure) { _, peer in try await script(peer) }
    }

    /// ``run(_:in:configure:_:)`` with the server too, for a script that waits on what it handled.
    func run(_ upstreams: FakeUpstreams, in directory: URL, configure: @escaping @Sendable (inout ServerConfiguration) -> Void = { _ in },
             _ script: @escaping @Sendable (RunningServer, ScriptedOneBotPeer.Session) async throws -> Void) async throws {
        try await upstreams.run { baseURL in
            try await RunningServer.withVioBot(dataDirectory: directory, configure: { configuration in
                configuration.chat = .init(apiKey: Redacted("sk-test-key-0123456789"), baseURL: baseURL.appendingPathComponent("v1"), model: "fake")
                configuration.pictureAPIURL = baseURL.appendingPathComponent("setu/v2")
                configure(&configuration)
            }) { server in
                // The recall handler asks for the message when the recall log has not got it yet.
                try await ScriptedOneBotPeer.connect(port: server.port, selfID: Self.selfID, answering: ["get_msg": OneBotFrames.recalledSecret]) { peer in
                    try await script(server, peer)
                }
            }
        }
    }

    @Test func chatMemorySurvivesARestart() async throws {
        let directory = try TemporaryDirectory()
        let upstreams = FakeUpstreams()
        try await run(upstreams, in: directory.url) { peer in
            try await peer.send(OneBotFrames.privateMessage("你好", selfID: Self.selfID))
            #expect(try await peer.answerNext("send_msg").messageText == "答复2")
        }
        try await run(upstreams, in: directory.url) { peer in
            try await peer.send(OneBotFrames.privateMessage("还记得我吗", selfID: Self.selfID))
            #expect(try await peer.answerNext("send_msg").messageText == "答复4")
        }
        let second = try #require(upstreams.requests(to: "chat").last)
        let turns = (second["messages"]?.arrayValue ?? []).map { "\($0["role"]?.stringValue ?? ""):\($0["content"]?.stringValue ?? "")" }
        #expect(Array(turns.dropFirst()) == ["user:你好", "assistant:答复2", "user:还记得我吗"])
        #expect(turns.first?.hasPrefix("system:") == true, "the persona is always the system message")
    }

    @Test func aSlowModelDoesNotDelayAPing() async throws {
        let directory = try TemporaryDirectory()
        let gate = Gate()
        try await run(FakeUpstreams(modelGate: gate), in: directory.url) { peer in
            try await peer.send(OneBotFrames.privateMessage("讲个故事", from: 10001, selfID: Self.selfID, messageID: 1))
            try await peer.send(OneBotFrames.privateMessage("/ping", from: 10002, selfID: Self.selfID, messageID: 2))
            let pong = try await peer.answerNext("send_msg")
            #expect(pong.messageText.hasPrefix("pong"))
            #expect(pong.messageText.contains("QQ \(Self.selfID)"), "ping lists the connected bot with its platform")
            gate.open()
            #expect(try await peer.answerNext("send_msg").messageText == "答复2")
        }
    }

    @Test func recallRecordsSurviveARestart() async throws {
        let directory = try TemporaryDirectory()
        let upstreams = FakeUpstreams()
        try await run(upstreams, in: directory.url) { peer in
            try await peer.send(OneBotFrames.groupMessage("这是秘密", from: 10005, atBot: false, selfID: Self.selfID, messageID: 55))
            try await peer.send(#"{"time":1700000100,"self_id":\#(Self.selfID),"post_type":"notice","notice_type":"group_recall","group_id":20002,"user_id":10005,"operator_id":10005,"message_id":55}"#)
            // The ping's answer proves both events reached the bot; shutdown lets their handlers finish.
            try await peer.send(OneBotFrames.privateMessage("/ping", selfID: Self.selfID))
            try await peer.answerNext("send_msg")
        }
        try await run(upstreams, in: directory.url) { peer in
            try await peer.send(OneBotFrames.groupMessage("撤回了什么", atBot: true, selfID: Self.selfID, messageID: 56))
            let answer = try await peer.answerNext("send_msg").messageText
            #expect(answer.contains("这是秘密"))
            #expect(answer.contains("10005"))
        }
    }

    @Test func theR18SwitchIsPerGroupAndSurvivesARestart() async throws {
        let directory = try TemporaryDirectory()
        let upstreams = FakeUpstreams()
        try await run(upstreams, in: directory.url) { peer in
            try await peer.send(OneBotFrames.groupMessage("来份r18涩图", atBot: true, selfID: Self.selfID, messageID: 1))
            #expect(try await peer.answerNext("send_msg").messageText.contains("没有开启 r18"))
            try await peer.send(OneBotFrames.groupMessage("/r18 on", role: "admin", atBot: true, selfID: Self.selfID, messageID: 2))
            #expect(try await peer.answerNext("send_msg").messageText.contains("已在这里开启 r18"))
        }
        #expect(upstreams.requests(to: "pictures").isEmpty, "a refused request never reaches the picture API")
        try await run(upstreams, in: directory.url) { peer in
            try await peer.send(OneBotFrames.groupMessage("来份r18涩图", atBot: true, selfID: Self.selfID, messageID: 3))
            let bundle = try await peer.answerNext("send_group_forward_msg")
            #expect(bundle.params["group_id"]?.int64Value == 20002)
        }
        #expect(upstreams.requests(to: "pictures").map { $0["r18"]?.int64Value } == [1])
    }

    @Test func aGroupPictureIsAForwardBundleWithTheImage() async throws {
        let directory = try TemporaryDirectory()
        let upstreams = FakeUpstreams()
        try await run(upstreams, in: directory.url) { peer in
            try await peer.send(OneBotFrames.groupMessage("来份涩图 风景，海", atBot: true, selfID: Self.selfID))
            let bundle = try await peer.answerNext("send_group_forward_msg")
            let files = (bundle.params["messages"]?.arrayValue ?? []).flatMap { node in
                (node["data"]?["content"]?.arrayValue ?? []).compactMap { $0["data"]?["file"]?.stringValue }
            }
            #expect(files == ["https://i.pixiv.re/img/42.jpg"])
        }
        let sent = try #require(upstreams.requests(to: "pictures").first)
        #expect(sent == ["r18": 0, "num": 1, "tag": ["风景", "海"], "size": ["regular"], "proxy": "i.pixiv.re", "excludeAI": true])
    }

    @Test func aGunSoundIsARecordOfTheExactFile() async throws {
        let directory = try TemporaryDirectory()
        try await run(FakeUpstreams(), in: directory.url) { peer in
            try await peer.send(OneBotFrames.privateMessage("打一枪听听 莫辛", selfID: Self.selfID))
            let action = try await peer.answerNext("send_msg")
            #expect(action.segmentTypes == ["record"])
            #expect(action.params["message"]?[0]?["data"]?["file"]?.stringValue == "http://hunt.kamille.ovh/sounds/Mosin-Nagant%20M1891-08.mp3")
        }
    }

    @Test func theLotteryWithoutAdminRightsSaysSoKindly() async throws {
        let directory = try TemporaryDirectory()
        try await run(FakeUpstreams(), in: directory.url) { peer in
            try await peer.send(OneBotFrames.groupMessage("禁言抽奖", atBot: true, selfID: Self.selfID))
            var action = try await peer.nextAction()
            while action.name == "send_msg" {
                // A lucky zero-second draw answers without muting; draw until a mute is tried.
                try await peer.respond(to: action, data: ["message_id": 1])
                try await peer.send(OneBotFrames.groupMessage("禁言抽奖", atBot: true, selfID: Self.selfID))
                action = try await peer.nextAction()
            }
            #expect(action.name == "set_group_ban")
            #expect(action.params["user_id"]?.int64Value == 10001)
            try await peer.respond(to: action, status: "failed", retcode: 102, message: "权限不足")
            #expect(try await peer.answerNext("send_msg").messageText.contains("没有管理员权限"))
        }
    }

    @Test func helpInAGroupListsEveryTriggerWord() async throws {
        let directory = try TemporaryDirectory()
        try await run(FakeUpstreams(), in: directory.url) { peer in
            try await peer.send(OneBotFrames.groupMessage("help", atBot: true, selfID: Self.selfID))
            let help = try await peer.answerNext("send_msg").messageText
            for trigger in ["打一枪听听", "禁言抽奖", "撤回了什么", "来份涩图", "锐评一下", "/chat", "/reset"] {
                #expect(help.contains(trigger), "help lists \(trigger)")
            }
        }
    }

    @Test func newMembersAreWelcomed() async throws {
        let directory = try TemporaryDirectory()
        try await run(FakeUpstreams(), in: directory.url) { peer in
            try await peer.send(OneBotFrames.memberJoined(group: 20002, selfID: Self.selfID))
            let welcome = try await peer.answerNext("send_msg")
            #expect(welcome.params["group_id"]?.int64Value == 20002)
            #expect(welcome.segmentTypes.contains("at"))
        }
    }
}
