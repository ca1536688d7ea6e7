import Foundation
import Synchronization
import Testing
import VioAsyncHTTPClient
import VioCore
import VioServerTesting
import VioTestSupport
@testable import VioServerKit

/// OneBot's forward WebSocket end to end: the real Vio bot dials scripted implementation servers
/// on loopback, with its token, learns the account, answers, and comes back after every loss.
@Suite struct OneBotForwardEndToEndTests {
    static let account: Int64 = 30001
    static let loginInfo: JSONValue = ["user_id": .int(account), "nickname": "Vio"]

    /// Sends `/ping` as a private message and returns the bot's answer.
    static func ping(_ session: ScriptedOneBotPeer.Session, messageID: Int64 = 1) async throws -> String {
        try await session.send(OneBotFrames.privateMessage("/ping", selfID: account, messageID: messageID))
        return try await session.answerNext("send_msg").messageText
    }

    static func configure(_ configuration: inout ServerConfiguration, url: String, token: String? = "forward-token") {
        configuration.oneBotWebSocketURLs = [url]
        configuration.oneBotAccessToken = token.map { Redacted($0) }
        configuration.oneBotReconnectBackoff = ReconnectBackoff(first: .milliseconds(20), cap: .milliseconds(200))
    }

    @Test func dialsWithTheTokenLearnsTheAccountAndRedialsAfterADrop() async throws {
        let directory = try TemporaryDirectory()
        let vioPort = Atomic(0)
        let metricsWhileUp = Mutex("")
        try await AsyncHTTPClientTransport.withTransport { transport in
            try await ScriptedOneBotServer.run(token: "forward-token", answering: ["get_login_info": Self.loginInfo], scripts: [
                { session in
                    // The account from the lifecycle event, as NapCat and go-cqhttp send on connect.
                    try await session.send(OneBotFrames.lifecycle(selfID: Self.account))
                    let pong = try await Self.ping(session)
                    #expect(pong.hasPrefix("pong") && pong.contains("QQ \(Self.account)"), "\(pong)")
                    // Returning drops the connection.
                },
                { session in
                    // No event first: the account comes from get_login_info's answer.
                    let pong = try await Self.ping(session, messageID: 2)
                    #expect(pong.contains("QQ \(Self.account)"), "\(pong)")
                    let client = HTTPChatEndToEndTests.Client(port: vioPort.load(ordering: .relaxed), transport: transport)
                    let metrics = try await client.send("/metrics", method: "GET").text
                    metricsWhileUp.withLock { $0 = metrics }
                },
            ]) { peer in
                try await RunningServer.withVioBot(dataDirectory: directory.url, configure: { Self.configure(&$0, url: peer.url) }) { server in
                    vioPort.store(server.port, ordering: .relaxed)
                    try await peer.finished(2)
                }
                #expect(peer.authorizations.prefix(2) == ["Bearer forward-token", "Bearer forward-token"])
            }
        }
        let metrics = metricsWhileUp.withLock { $0 }
        #expect(metrics.contains(#"vio_onebot_forward_connected{url="ws://127.0.0.1:"#) && metrics.contains("/\"} 1"), "\(metrics)")
    }

    @Test func closesALinkWhoseHeartbeatsStopAndDialsAgain() async throws {
        let directory = try TemporaryDirectory()
        let clock = ManualClock()
        let logs = LogRecorder()
        try await ScriptedOneBotServer.run(token: nil, answering: ["get_login_info": Self.loginInfo], scripts: [
            { session in
                try await session.send(OneBotFrames.lifecycle(selfID: Self.account))
                try await session.send(OneBotFrames.heartbeat(selfID: Self.account, interval: 1000))
                // Answered after the heartbeat was read: the frames of one connection are read in order.
                _ = try await Self.ping(session)
                // Past three intervals of 1 s and past the watch's look-again time (5 s), whichever it sleeps for.
                clock.advance(by: .seconds(6))
                await session.waitUntilClosed()   // vio-server closes it
            },
            { session in
                try await session.send(OneBotFrames.lifecycle(selfID: Self.account))
                #expect(try await Self.ping(session, messageID: 2).hasPrefix("pong"))
            },
        ]) { peer in
            try await RunningServer.withVioBot(
                dataDirectory: directory.url, logger: logs.logger("vio-server", level: .info), heartbeatClock: clock,
                configure: { Self.configure(&$0, url: peer.url, token: nil) }
            ) { _ in
                try await peer.finished(2)
            }
        }
        let lines = logs.entries.map(\.message)
        #expect(lines.contains { $0.contains("nothing arrived for 3 heartbeat intervals of 1.0 seconds") }, "\(lines)")
    }

    @Test func keepsDiallingAPeerThatIsDownAndPicksItUpWhenItComesBack() async throws {
        let directory = try TemporaryDirectory()
        let logs = LogRecorder()
        // A port nothing listens on until the peer comes back on it.
        let freePort = Atomic(0)
        try await ScriptedOneBotServer.run(token: nil, scripts: []) { freePort.store($0.port, ordering: .relaxed) }
        let port = freePort.load(ordering: .relaxed)
        let url = "ws://127.0.0.1:\(port)/"
        try await AsyncHTTPClientTransport.withTransport { transport in
            try await RunningServer.withVioBot(
                dataDirectory: directory.url, logger: logs.logger("vio-server", level: .info),
                configure: { Self.configure(&$0, url: url, token: nil) }
            ) { server in
                let client = HTTPChatEndToEndTests.Client(port: server.port, transport: transport)
                _ = await logs.first { $0.message.contains("dialling again in") }
                // Down: /ping says which link is not up and why; /metrics has it at 0.
                let pong = try await client.send("/post", body: "usermsg=/ping", contentType: "application/x-www-form-urlencoded").text
                #expect(pong.contains("未连上：\(url)（重连中："), "\(pong)")
                let metrics = try await client.send("/metrics", method: "GET").text
                #expect(metrics.contains(#"vio_onebot_forward_connected{url="\#(url)"} 0"#), "\(metrics)")
                try await ScriptedOneBotServer.run(token: nil, answering: ["get_login_info": Self.loginInfo], scripts: [
                    { session in
                        try await session.send(OneBotFrames.lifecycle(selfID: Self.account))
                        #expect(try await Self.ping(session).contains("QQ \(Self.account)"))
                    },
                ], port: port) { peer in
                    try await peer.finished(1)
                }
            }
        }
    }
}
