import Foundation
import OneBot
import Synchronization
import Testing
import VioAsyncHTTPClient
import VioCore
import VioCoreTesting
@testable import VioServerKit
import VioServerTesting

/// vio-server's OneBot endpoint against a scripted peer over real loopback sockets.
@Suite struct OneBotEndToEndTests {
    static let selfID: Int64 = 3_000_000_001

    /// A small bot for the transport: the real features are tested on their own.
    static func bot(gate: Gate = Gate()) -> Bot {
        var bot = Bot(services: BotServices(logger: SilentLogger()))
        bot.command("/ping") { context, _ in try await context.reply("pong") }
        bot.command("/status") { context, _ in
            let status = try await context.call("get_status")
            try await context.reply("online: \(status["online"]?.boolValue ?? false)")
        }
        bot.command("/slow") { context, _ in
            await gate.wait()
            try await context.reply("slow done")
        }
        return bot
    }

    func run(gate: Gate = Gate(), configure: (inout ServerConfiguration) -> Void = { _ in }, _ body: @Sendable (RunningServer) async throws -> Void) async throws {
        let directory = try TemporaryDirectory()
        try await RunningServer.with(bot: Self.bot(gate: gate), dataDirectory: directory.url, configure: configure, body)
    }

    @Test func aPrivatePingIsAnsweredThroughSendMsg() async throws {
        try await run { server in
            try await ScriptedOneBotPeer.connect(port: server.port, selfID: Self.selfID) { peer in
                try await peer.send(OneBotFrames.lifecycle(selfID: Self.selfID))
                try await peer.send(OneBotFrames.heartbeat(selfID: Self.selfID))
                try await peer.send(OneBotFrames.privateMessage("/ping", selfID: Self.selfID))
                let action = try await peer.answerNext("send_msg")
                #expect(action.messageText == "pong")
                #expect(action.params["user_id"]?.int64Value == 10001)
                #expect(action.params["message_type"]?.stringValue == "private")
            }
        }
    }

    @Test func groupMessagesAreAnsweredOnlyWhenTheBotIsMentioned() async throws {
        try await run { server in
            try await ScriptedOneBotPeer.connect(port: server.port, path: "/ws", selfID: Self.selfID) { peer in
                try await peer.send(OneBotFrames.groupMessage("/ping", atBot: false, selfID: Self.selfID, messageID: 7))
                try await peer.send(OneBotFrames.groupMessage("/ping", atBot: true, selfID: Self.selfID, messageID: 8))
                let action = try await peer.answerNext("send_msg")
                #expect(action.params["group_id"]?.int64Value == 20002)
                #expect(action.segmentTypes.first == "reply", "a group answer quotes the message it answers")
                #expect(action.params["message"]?[0]?["data"]?["id"]?.int64Value == 8, "it quotes the addressed message, not the chatter")
                #expect(action.messageText == "pong")
            }
        }
    }

    @Test func aSlowHandlerDoesNotDelayAPing() async throws {
        let gate = Gate()
        try await run(gate: gate) { server in
            try await ScriptedOneBotPeer.connect(port: server.port, selfID: Self.selfID) { peer in
                try await peer.send(OneBotFrames.privateMessage("/slow", selfID: Self.selfID, messageID: 1))
                try await peer.send(OneBotFrames.privateMessage("/ping", selfID: Self.selfID, messageID: 2))
                #expect(try await peer.answerNext("send_msg").messageText == "pong", "the ping is answered while /slow still waits")
                gate.open()
                #expect(try await peer.answerNext("send_msg").messageText == "slow done")
            }
        }
    }

    @Test func malformedFramesAreSkippedAndTheConnectionStaysUp() async throws {
        try await run { server in
            try await ScriptedOneBotPeer.connect(port: server.port, selfID: Self.selfID) { peer in
                for garbage in [
                    "not json at all", "[1,2,3]", "{}", #"{"post_type":"message","message_type":"private"}"#,
                    #"{"time":1,"self_id":1,"post_type":"brand_new_kind"}"#, #"{"status":"ok","retcode":0,"echo":"nobody-waits"}"#,
                ] {
                    try await peer.send(garbage)
                }
                try await peer.send(OneBotFrames.privateMessage("/ping", selfID: Self.selfID))
                #expect(try await peer.answerNext("send_msg").messageText == "pong")
            }
        }
    }

    @Test func apiCallsAreMatchedToTheirHandler() async throws {
        try await run { server in
            try await ScriptedOneBotPeer.connect(port: server.port, selfID: Self.selfID) { peer in
                try await peer.send(OneBotFrames.privateMessage("/status", selfID: Self.selfID))
                let call = try await peer.nextAction()
                #expect(call.name == "get_status")
                try await peer.respond(to: call, data: ["online": true, "good": true])
                #expect(try await peer.answerNext("send_msg").messageText == "online: true")
            }
        }
    }

    @Test func aFailedCallFailsOnlyItsHandlerAndTheUserHearsAboutIt() async throws {
        try await run { server in
            try await ScriptedOneBotPeer.connect(port: server.port, selfID: Self.selfID) { peer in
                try await peer.send(OneBotFrames.privateMessage("/status", selfID: Self.selfID, messageID: 1))
                let call = try await peer.nextAction()
                try await peer.respond(to: call, status: "failed", retcode: 1404, message: "API 不存在")
                #expect(try await peer.answerNext("send_msg").messageText == BotTexts().handlerFailed)
                try await peer.send(OneBotFrames.privateMessage("/ping", selfID: Self.selfID, messageID: 2))
                #expect(try await peer.answerNext("send_msg").messageText == "pong")
            }
        }
    }

    @Test func anUnansweredCallTimesOut() async throws {
        try await run(configure: { $0.oneBotAPITimeout = .milliseconds(200) }) { server in
            try await ScriptedOneBotPeer.connect(port: server.port, selfID: Self.selfID) { peer in
                try await peer.send(OneBotFrames.privateMessage("/status", selfID: Self.selfID))
                #expect(try await peer.nextAction().name == "get_status")
                // No answer: the call times out and the handler's failure reply follows.
                #expect(try await peer.answerNext("send_msg").messageText == BotTexts().handlerFailed)
            }
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func callsWaitingOnAClosedConnectionFailAtOnce() async throws {
        let (outcomes, outcome) = AsyncStream.makeStream(of: (any Error)?.self)
        var bot = Bot(services: BotServices(logger: SilentLogger()))
        bot.command("/status") { context, _ in
            do {
                _ = try await context.call("get_status")
                outcome.yield(nil)
            } catch {
                outcome.yield(error)
            }
        }
        let directory = try TemporaryDirectory()
        // The call's own timeout is an hour: only the connection closing can end it within the test.
        try await RunningServer.with(bot: bot, dataDirectory: directory.url, configure: { $0.oneBotAPITimeout = .seconds(3600) }) { server in
            try await ScriptedOneBotPeer.connect(port: server.port, selfID: Self.selfID) { peer in
                try await peer.send(OneBotFrames.privateMessage("/status", selfID: Self.selfID))
                #expect(try await peer.nextAction().name == "get_status")
            }
            var iterator = outcomes.makeAsyncIterator()
            let error = await iterator.next()
            guard case .connectionClosed(action: "get_status")? = error.flatMap({ $0 as? OneBotError }) else {
                Issue.record("the call ended with \(String(describing: error)), not with the connection closing")
                return
            }
        }
    }

    @Test func twoBotsAreServedAtOnceEachOnItsOwnConnection() async throws {
        try await run { server in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for selfID: Int64 in [111, 222] {
                    group.addTask {
                        try await ScriptedOneBotPeer.connect(port: server.port, selfID: selfID) { peer in
                            try await peer.send(OneBotFrames.privateMessage("/ping", from: selfID + 1, selfID: selfID))
                            let action = try await peer.answerNext("send_msg")
                            #expect(action.params["user_id"]?.int64Value == selfID + 1)
                        }
                    }
                }
                try await group.waitForAll()
            }
        }
    }

    @Test func aNewConnectionForTheSameAccountReplacesTheOld() async throws {
        try await run { server in
            let (connected, connectedInput) = AsyncStream.makeStream(of: Void.self)
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    try await ScriptedOneBotPeer.connect(port: server.port, selfID: Self.selfID) { peer in
                        connectedInput.yield()
                        // The server closes this connection once the second one arrives.
                        await #expect(throws: ScriptedOneBotPeer.PeerError.self) { try await peer.nextAction() }
                    }
                }
                for await _ in connected { break }
                try await ScriptedOneBotPeer.connect(port: server.port, selfID: Self.selfID) { peer in
                    try await peer.send(OneBotFrames.privateMessage("/ping", selfID: Self.selfID))
                    #expect(try await peer.answerNext("send_msg").messageText == "pong")
                }
                try await group.waitForAll()
            }
        }
    }

    @Test func tokensAreCheckedBeforeTheUpgrade() async throws {
        try await run(configure: { $0.oneBotAccessToken = Redacted("s3cret") }) { server in
            for credential: ScriptedOneBotPeer.Credential in [.none, .bearer("wrong"), .query("wrong")] {
                await #expect(throws: (any Error).self, "credential \(credential) must be refused") {
                    try await ScriptedOneBotPeer.connect(port: server.port, selfID: Self.selfID, credential: credential) { _ in }
                }
            }
            for credential: ScriptedOneBotPeer.Credential in [.bearer("s3cret"), .token("s3cret"), .query("s3cret")] {
                try await ScriptedOneBotPeer.connect(port: server.port, selfID: Self.selfID, credential: credential) { peer in
                    try await peer.send(OneBotFrames.privateMessage("/ping", selfID: Self.selfID))
                    #expect(try await peer.answerNext("send_msg").messageText == "pong")
                }
            }
        }
    }

    @Test func refusedHandshakesGetTheStatusTheSpecGives() async throws {
        try await run(configure: { $0.oneBotAccessToken = Redacted("s3cret") }) { server in
            try await AsyncHTTPClientTransport.withTransport { transport in
                let selfID: String? = "\(Self.selfID)"
                for (path, authorization, account, status) in [
                    ("/onebot/v11/ws", nil, selfID, 401), ("/ws", nil, selfID, 401), ("/ws", "Bearer wrong", selfID, 403),
                    ("/onebot/v11/ws?access_token=wrong", nil, selfID, 403), ("/ws", "Token wrong", selfID, 403),
                    ("/onebot/v11/ws", "Bearer s3cret", nil, 400),
                ] {
                    var headers: HTTPHeaders = [
                        "Connection": "Upgrade", "Upgrade": "websocket", "Sec-WebSocket-Version": "13",
                        "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==",
                    ]
                    headers["Authorization"] = authorization
                    headers["X-Self-ID"] = account
                    let url = try #require(URL(string: "http://127.0.0.1:\(server.port)\(path)"))
                    let response = try await transport.send(VioCore.HTTPRequest(url: url, headers: headers, timeout: .seconds(10)))
                    #expect(response.status == status, "\(path) with \(authorization ?? "no token")")
                    #expect(!String(decoding: response.body, as: UTF8.self).contains("s3cret"), "the refusal never repeats the token")
                }
            }
        }
    }

    @Test func aPeerWithoutSelfIDIsRefused() async throws {
        try await run { server in
            await #expect(throws: (any Error).self) {
                try await ScriptedOneBotPeer.connect(port: server.port, selfID: nil) { _ in }
            }
        }
    }

    @Test func shutdownLetsHandlersInFlightFinishTheirReplies() async throws {
        let gate = Gate()
        try await run(gate: gate) { server in
            try await ScriptedOneBotPeer.connect(port: server.port, selfID: Self.selfID) { peer in
                try await peer.send(OneBotFrames.privateMessage("/slow", selfID: Self.selfID))
                // Let the event reach its handler: a ping sent after it is answered first.
                try await peer.send(OneBotFrames.privateMessage("/ping", selfID: Self.selfID, messageID: 2))
                try await peer.answerNext("send_msg")
                await server.serviceGroup.triggerGracefulShutdown()
                gate.open()
                #expect(try await peer.answerNext("send_msg").messageText == "slow done", "the reply of a handler in flight still goes out")
            }
        }
    }
}
