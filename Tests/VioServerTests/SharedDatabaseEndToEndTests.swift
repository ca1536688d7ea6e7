import AsyncHTTPClient
import Foundation
import Testing
import VioAsyncHTTPClient
import VioCore
@testable import VioServerKit
import VioServerTesting
@testable import VioStorage

/// Two vio-server instances on one PostgreSQL database, each with its own scripted OneBot peer,
/// as behind a load balancer; and one instance whose database goes away and comes back.
@Suite(.enabled(if: TestDatabase.isAvailable, "set DATABASE_URL to a PostgreSQL server (.ci/postgres.sh starts one)"))
struct SharedDatabaseEndToEndTests {
    static let firstBot: Int64 = 3_000_000_021
    static let secondBot: Int64 = 3_000_000_022

    /// The Vio bot on the database at `location`, with the fake model and picture API at `upstream`.
    static func withBot(
        on location: PostgresLocation, upstream: URL, timeout: Duration = .seconds(5), selfID: Int64,
        _ body: @escaping @Sendable (RunningServer, ScriptedOneBotPeer.Session) async throws -> Void
    ) async throws {
        let directory = try TemporaryDirectory()
        try await RunningServer.withVioBot(dataDirectory: directory.url, configure: { configuration in
            configuration.database = location
            configuration.databaseTimeout = timeout
            configuration.chat = .init(apiKey: Redacted("sk-test-key-0123456789"), baseURL: upstream.appendingPathComponent("v1"), model: "fake")
            configuration.pictureAPIURL = upstream.appendingPathComponent("setu/v2")
        }) { server in
            // The recall handler asks for the message when the recall log has not got it yet.
            try await ScriptedOneBotPeer.connect(port: server.port, selfID: selfID, answering: ["get_msg": OneBotFrames.recalledSecret]) { peer in
                try await body(server, peer)
            }
        }
    }

    @Test func conversationRecallAndSettingsHoldAcrossInstances() async throws {
        let upstreams = FakeUpstreams()
        try await TestDatabase.with { location in
            try await upstreams.run { upstream in
                try await Self.withBot(on: location, upstream: upstream, selfID: Self.secondBot) { second, secondPeer in
                    try await Self.withBot(on: location, upstream: upstream, selfID: Self.firstBot) { first, firstPeer in
                        try await firstPeer.send(OneBotFrames.privateMessage("你好", selfID: Self.firstBot))
                        #expect(try await firstPeer.answerNext("send_msg").messageText == "答复2")
                        try await firstPeer.send(OneBotFrames.groupMessage("/r18 on", role: "admin", atBot: true, selfID: Self.firstBot, messageID: 2))
                        #expect(try await firstPeer.answerNext("send_msg").messageText.contains("已在这里开启 r18"))
                        try await firstPeer.send(OneBotFrames.groupMessage("这是秘密", from: 10005, atBot: false, selfID: Self.firstBot, messageID: 55))
                        try await firstPeer.send(#"{"time":1700000100,"self_id":\#(Self.firstBot),"post_type":"notice","notice_type":"group_recall","group_id":20002,"user_id":10005,"operator_id":10005,"message_id":55}"#)

                        // Both instances append to one conversation at once.
                        let key = ConversationKey(rawValue: "onebot/private/424242")
                        try await withThrowingTaskGroup(of: Void.self) { appends in
                            for index in 0..<200 {
                                let store = (index.isMultiple(of: 2) ? first : second).server.storage.conversations
                                appends.addTask { try await store.append([ConversationTurn(role: .user, content: "\(index)")], to: key) }
                            }
                            try await appends.waitForAll()
                        }
                        let turns = try await second.server.storage.conversations.history(of: key, limit: HistoryLimit(maxTurns: 1000))
                        #expect(turns.count == 200, "no append was lost")
                        #expect(Set(turns.map(\.content)) == Set((0..<200).map(String.init)))
                    }
                    // The first instance has shut down, its handlers drained; the second goes on.
                    try await secondPeer.send(OneBotFrames.privateMessage("还记得我吗", selfID: Self.secondBot))
                    #expect(try await secondPeer.answerNext("send_msg").messageText == "答复4", "the second instance loaded the first's turns")
                    try await secondPeer.send(OneBotFrames.groupMessage("撤回了什么", atBot: true, selfID: Self.secondBot, messageID: 56))
                    let recalled = try await secondPeer.answerNext("send_msg").messageText
                    #expect(recalled.contains("这是秘密"), "got \(recalled)")
                    try await secondPeer.send(OneBotFrames.groupMessage("来份r18涩图", atBot: true, selfID: Self.secondBot, messageID: 57))
                    let bundle = try await secondPeer.answerNext("send_group_forward_msg")
                    #expect(bundle.params["group_id"]?.int64Value == 20002)
                }
            }
        }
        let chats = upstreams.requests(to: "chat")
        let turns = (chats.last?["messages"]?.arrayValue ?? []).dropFirst().map { "\($0["role"]?.stringValue ?? ""):\($0["content"]?.stringValue ?? "")" }
        #expect(turns == ["user:你好", "assistant:答复2", "user:还记得我吗"])
        #expect(upstreams.requests(to: "pictures").map { $0["r18"]?.int64Value } == [1], "the r18 switch set on the first instance held on the second")
    }

    /// How the database goes away: the network to it is cut, or the server is stopped (a cluster
    /// of the test's own, where `.ci/postgres.sh` says where PostgreSQL's programs are).
    enum Outage: String, CaseIterable, Sendable {
        case networkCut, databaseStopped

        static var available: [Outage] { TestCluster.isAvailable ? allCases : [.networkCut] }

        /// How a test takes the database away and brings it back.
        struct Switch: Sendable {
            let away: @Sendable () async throws -> Void
            let back: @Sendable () async throws -> Void
        }

        /// Runs `body` with a database, and how to take it away and bring it back.
        func withDatabase(_ body: (PostgresLocation, Switch) async throws -> Void) async throws {
            switch self {
            case .networkCut:
                try await TestDatabase.with { location in
                    let relay = try await TCPRelay.start(to: location.port)
                    var throughRelay = location
                    throughRelay.port = relay.port
                    try await body(throughRelay, Switch(away: { await relay.cut() }, back: { relay.restore() }))
                    await relay.close()
                }
            case .databaseStopped:
                let cluster = try await TestCluster.start()
                do {
                    try await body(cluster.location, Switch(away: { try await cluster.stop() }, back: { try await cluster.resume() }))
                } catch {
                    await cluster.remove()
                    throw error
                }
                await cluster.remove()
            }
        }
    }

    @Test(arguments: Outage.available)
    func theBotKeepsAnsweringWhileTheDatabaseIsAway(_ outage: Outage) async throws {
        let upstreams = FakeUpstreams()
        try await outage.withDatabase { location, outage in
            try await upstreams.run { upstream in
                try await Self.withBot(on: location, upstream: upstream, timeout: .seconds(1), selfID: Self.firstBot) { server, peer in
                    try await AsyncHTTPClientTransport.withTransport { transport in
                        let backend = try #require(server.server.storage.backend as? PostgresStorage)
                        #expect(try await HealthRoutesTests.get("readyz", port: server.port, via: transport) == "200 ready")

                        try await outage.away()
                        // A group message is logged for the recall viewer: the write finds the database gone.
                        try await peer.send(OneBotFrames.groupMessage("数据库不在的时候", atBot: false, selfID: Self.firstBot, messageID: 60))
                        await backend.database.availability.untilKept(atLeast: 1)
                        try await peer.send(OneBotFrames.privateMessage("/ping", selfID: Self.firstBot, messageID: 61))
                        #expect(try await peer.answerNext("send_msg").messageText.hasPrefix("pong"))
                        let notReady = try await HealthRoutesTests.get("readyz", port: server.port, via: transport)
                        #expect(notReady.hasPrefix("503 ") && notReady.contains("unreachable"), "got \(notReady)")
                        let metrics = String(try await HealthRoutesTests.get("metrics", port: server.port, via: transport).dropFirst("200 ".count))
                        #expect(MetricsEndToEndTests.sample("vio_storage_ready", "", in: metrics) == 0)
                        #expect(MetricsEndToEndTests.sample("vio_storage_kept_writes", "", in: metrics) == 1, "the group message's log entry waits")
                        // The chat still answers, without its history; the turn is kept for later.
                        try await peer.send(OneBotFrames.privateMessage("你还在吗", selfID: Self.firstBot, messageID: 62))
                        #expect(try await peer.answerNext("send_msg").messageText == "答复2")

                        try await outage.back()
                        await server.server.storage.untilReady()
                        #expect(try await HealthRoutesTests.get("readyz", port: server.port, via: transport) == "200 ready")
                        try await peer.send(OneBotFrames.privateMessage("回来了", selfID: Self.firstBot, messageID: 63))
                        #expect(try await peer.answerNext("send_msg").messageText == "答复4", "the turn kept during the outage was stored")
                        let key = ConversationKey(rawValue: "onebot/private/10001")
                        let stored = try await server.server.storage.conversations.history(of: key, limit: HistoryLimit(maxTurns: 10))
                        #expect(stored.map(\.content) == ["你还在吗", "答复2", "回来了", "答复4"])
                    }
                }
            }
        }
    }

    @Test func aDatabaseDownAtStartIsWaitedForWhileReadyzSaysWhy() async throws {
        try await TestDatabase.with { location in
            let relay = try await TCPRelay.start(to: location.port)
            await relay.cut()
            let password = location.password ?? ""
            let url = "postgres://\(location.username):\(password)@127.0.0.1:\(relay.port)/\(location.database)?sslmode=disable"
            let status = try await ShutdownSignalTests().runThenTerminate(environment: ["DATABASE_URL": url]) { server in
                let port = try #require(server.servingPort)
                #expect(await server.waitForLine(containing: "PostgreSQL can't be used; retrying") != nil)
                try await AsyncHTTPClientTransport.withTransport { transport in
                    let waiting = try await HealthRoutesTests.get("readyz", port: port, via: transport)
                    #expect(waiting.hasPrefix("503 connecting to PostgreSQL \(location.username)@127.0.0.1:\(relay.port)/\(location.database)"), "got \(waiting)")
                    relay.restore()
                    #expect(await server.waitForLine(containing: "PostgreSQL connected") != nil)
                    #expect(try await HealthRoutesTests.get("readyz", port: port, via: transport) == "200 ready")
                }
                #expect(!password.isEmpty && !server.output.joined().contains(password), "the password is never logged")
            }
            #expect(status == 0)
            await relay.close()
        }
    }
}
