import Foundation
import NIOCore
import Testing
import VioAsyncHTTPClient
import VioCore
import VioCoreTesting
@testable import VioServerKit
import VioServerTesting

/// The web console of the real Vio bot on a loopback port: the page, the status, its live events,
/// the sandbox chat and who may open it.
@Suite struct ConsoleEndToEndTests {
    typealias Client = HTTPChatEndToEndTests.Client

    /// Runs the Vio bot with the settings `configure` adds, then `body` with a client of it.
    func run(configure: @escaping @Sendable (inout ServerConfiguration) -> Void = { _ in },
             _ body: @escaping @Sendable (Client, RunningServer) async throws -> Void) async throws {
        let directory = try TemporaryDirectory()
        try await RunningServer.withVioBot(dataDirectory: directory.url, configure: configure) { server in
            try await AsyncHTTPClientTransport.withTransport { transport in
                try await body(Client(port: server.port, transport: transport), server)
            }
        }
    }

    static func sandbox(_ text: String, group: Bool = false, session: String = "test-1") -> String {
        #"{"session": "\#(session)", "text": \#(OneBotFrames.json(text)), "group": \#(group)}"#
    }

    @Test func thePageAndItsFilesAreServed() async throws {
        try await run { client, _ in
            let page = try await client.send("/", method: "GET")
            #expect(page.status == 200)
            #expect(page.headers["Content-Type"]?.hasPrefix("text/html") == true)
            #expect(page.text.contains(#"id="sandbox-input""#))
            let script = try await client.send("/console/console.js", method: "GET")
            #expect(script.status == 200 && script.text.contains("/console/events"))
            #expect(try await client.send("/console/console.css", method: "GET").headers["Content-Type"]?.hasPrefix("text/css") == true)
        }
    }

    @Test func theStatusSaysWhatIsSetWhatToSetNextAndNeverAKey() async throws {
        try await run(configure: { configuration in
            if let url = URL(string: "https://models.example.com/v1") {
                configuration.chat = .init(apiKey: Redacted("sk-console-secret-0123456789"), baseURL: url, model: "gpt-test")
            }
        }) { client, _ in
            let reply = try await client.send("/console/status", method: "GET")
            #expect(reply.status == 200)
            let status = try #require(reply.json)
            #expect(status["version"] == .string(VioServerCommand.version))
            let steps = status["checklist"]?.arrayValue ?? []
            #expect(steps.first { $0["title"] == "A QQ account connected" }?["done"] == false)
            #expect(steps.first { $0["title"] == "A chat model" }?["done"] == true)
            #expect(steps.first { $0["title"] == "Telegram" }?["next"]?.stringValue?.contains("BOT_TOKEN") == true)
            #expect(status["parts"]?.arrayValue?.contains { $0["name"] == "Telegram" && $0["on"] == false && $0["detail"] == "set BOT_TOKEN" } == true)
            #expect(status["models"]?[0]?["host"] == "models.example.com")
            #expect(status["store"]?.stringValue?.hasPrefix("SQLite ") == true)
            #expect(!reply.text.contains("sk-console-secret"), "no key in the console")
        }
    }

    @Test func theSandboxAnswersCommandsAsAPrivateChatOrAsAGroup() async throws {
        try await run { client, _ in
            let ping = try #require(try await client.send("/console/sandbox", body: Self.sandbox("/ping")).json)
            #expect(ping["replies"]?[0]?["text"]?.stringValue?.hasPrefix("pong") == true)

            let unaddressed = try #require(try await client.send("/console/sandbox", body: Self.sandbox("禁言抽奖", group: true)).json)
            #expect(unaddressed["replies"] == [], "in a group only @vio is answered")
            let lottery = try #require(try await client.send("/console/sandbox", body: Self.sandbox("@vio 禁言抽奖", group: true)).json)
            #expect(lottery["applied"]?[0]?.stringValue?.hasPrefix("mute Tester (you) for ") == true, "the mute it would apply, not done")
            #expect(lottery["replies"]?[0]?["text"]?.stringValue?.hasPrefix("@Tester") == true)

            #expect(SandboxChat.mentionsTheBot("@VIO /ping") && SandboxChat.mentionsTheBot("@vio"))
            #expect(!SandboxChat.mentionsTheBot("@viola 你好") && !SandboxChat.mentionsTheBot("你好 @vio"))

            let bad = try await client.send("/console/sandbox", body: #"{"session": "../etc", "text": "hi"}"#)
            #expect(bad.status == 400)
        }
    }

    @Test func theSandboxShowsPicturesAndSoundsAndRemembersEachBrowsersConversation() async throws {
        let upstreams = FakeUpstreams()
        try await upstreams.run { baseURL in
            try await run(configure: { configuration in
                configuration.chat = .init(apiKey: Redacted("sk-test-key-0123456789"), baseURL: baseURL.appendingPathComponent("v1"), model: "fake")
                configuration.pictureAPIURL = baseURL.appendingPathComponent("setu/v2")
            }) { client, _ in
                let picture = try #require(try await client.send("/console/sandbox", body: Self.sandbox("来份涩图")).json)
                #expect(picture["replies"]?.arrayValue?.flatMap { $0["images"]?.arrayValue ?? [] }.contains("https://i.pixiv.re/img/42.jpg") == true)
                let gun = try #require(try await client.send("/console/sandbox", body: Self.sandbox("打一枪听听")).json)
                #expect(gun["replies"]?[0]?["sounds"]?[0]?.stringValue?.hasPrefix(configurationSounds) == true)

                _ = try await client.send("/console/sandbox", body: Self.sandbox("/chat 我叫小明"))
                _ = try await client.send("/console/sandbox", body: Self.sandbox("/chat 我是谁"))
                _ = try await client.send("/console/sandbox", body: Self.sandbox("/chat 你好", session: "another-browser"))
                let asked = upstreams.requests(to: "chat").map { $0["messages"]?.arrayValue?.count ?? 0 }
                #expect(asked == [2, 4, 2], "the second turn carries the first; another browser starts afresh")
            }
        }
    }

    /// Where the Hunt: Showdown sounds are, as vio-server's default says.
    private var configurationSounds: String { ServerConfiguration.Defaults.huntSounds.absoluteString }

    @Test func aModelErrorShowsTheFriendlyLineAndOnlyInTheConsoleTheUpstreamsWords() async throws {
        try await run(configure: { configuration in
            // Nothing listens on port 9 of loopback: the model is unreachable.
            if let url = URL(string: "http://127.0.0.1:9/v1") {
                configuration.chat = .init(apiKey: Redacted("sk-unreachable-0123456789"), baseURL: url, model: "fake")
            }
        }) { client, _ in
            let answer = try #require(try await client.send("/console/sandbox", body: Self.sandbox("你好")).json)
            let friendly = answer["replies"]?[0]?["text"]?.stringValue ?? ""
            #expect(!friendly.isEmpty && !friendly.contains("127.0.0.1"))
            let upstream = answer["modelErrors"]?[0]?.stringValue ?? ""
            #expect(upstream.contains("127.0.0.1"), "the upstream's own words: \(upstream)")
            #expect(!upstream.contains("sk-unreachable"))
        }
    }

    @Test func theLiveEventsMoveWhenAnEventIsHandled() async throws {
        try await run { client, _ in
            let (status, events) = try await client.events("/console/events")
            #expect(status == 200)
            var iterator = events.makeAsyncIterator()
            let first = try #require(try await iterator.next())
            #expect(first.event == "status")
            let before = try JSONDecoder().decode(JSONValue.self, from: Data(first.data.utf8))["eventsHandled"]?.int64Value ?? -1
            _ = try await client.send("/console/sandbox", body: Self.sandbox("/ping"))
            var after = before
            while after <= before, let next = try await iterator.next() {
                after = try JSONDecoder().decode(JSONValue.self, from: Data(next.data.utf8))["eventsHandled"]?.int64Value ?? -1
            }
            #expect(after == before + 1)
        }
    }

    @Test func anOpenLivePageDoesNotHoldUpShutdown() async throws {
        try await run { client, server in
            let (_, events) = try await client.events("/console/events")
            var iterator = events.makeAsyncIterator()
            #expect(try await iterator.next()?.event == "status")
            await server.serviceGroup.triggerGracefulShutdown()
            // The server ends the stream: the next read sees its end (or the closed connection).
            let next = try? await iterator.next()
            #expect(next == nil)
        }
    }

    @Test func aConnectedOneBotPeerIsListedWithItsImplementationAndCounts() async throws {
        try await run { client, server in
            try await ScriptedOneBotPeer.connect(port: server.port, selfID: 20002, userAgent: "CQHttp/4.15.0") { peer in
                try await peer.send(OneBotFrames.privateMessage("/ping", selfID: 20002))
                _ = try await peer.answerNext("send_msg")
                let status = try #require(try await client.send("/console/status", method: "GET").json)
                let bot = try #require(status["bots"]?[0])
                #expect(bot["name"] == "QQ 20002")
                #expect(bot["connection"] == "reverse WebSocket")
                #expect(bot["implementation"] == "go-cqhttp (CQHttp/4.15.0)")
                #expect(bot["eventsIn"] == 1)
                #expect(bot["actionsOut"] == 1 && bot["actionsFailed"] == 0)
                #expect(bot["connectedSince"]?.stringValue?.contains("T") == true, "an ISO 8601 date")
            }
        }
    }

    @Test func onlyThisMachineWithoutAPasswordAndWithOneOnlyWhoGivesIt() async throws {
        try await run { client, _ in
            #expect(try await client.send("/console/status", method: "GET").status == 200)
            let proxied = try await client.send("/console/status", method: "GET", headers: ["X-Forwarded-For": "203.0.113.9"])
            #expect(proxied.status == 403, "a request a proxy forwarded is not this machine's")
            #expect(proxied.text.contains("VIO_CONSOLE_PASSWORD"))
            #expect(try await client.send("/", method: "GET", headers: ["X-Forwarded-For": "203.0.113.9"]).status == 403)
        }
        try await run(configure: { $0.consolePassword = Redacted("open sesame") }) { client, _ in
            let none = try await client.send("/console/status", method: "GET")
            #expect(none.status == 401)
            #expect(none.headers["WWW-Authenticate"]?.hasPrefix("Basic") == true)
            let wrong = Data("admin:open sesamE".utf8).base64EncodedString()
            #expect(try await client.send("/console/status", method: "GET", headers: ["Authorization": "Basic \(wrong)"]).status == 401)
            let right = Data("anyone:open sesame".utf8).base64EncodedString()
            let proxied = try await client.send("/console/status", method: "GET", headers: ["Authorization": "Basic \(right)", "X-Forwarded-For": "203.0.113.9"])
            #expect(proxied.status == 200)
            #expect(proxied.json?["access"] == "password required (VIO_CONSOLE_PASSWORD)")
        }
    }

    @Test func aFeatureSwitchedFromTheConsoleIsOffInThatChatAsIfSwitchedThere() async throws {
        try await run { client, _ in
            let listed = try #require(try await client.send("/console/features", method: "GET").json?.arrayValue)
            #expect(listed.first { $0["id"] == "picture" }?["onByDefault"] == true)
            #expect(listed.first { $0["id"] == "help" }?["switchable"] == false)

            let off = #"{"feature": "picture", "platform": "web", "chat": "group", "id": "web-group-test-1", "on": false}"#
            let switched = try #require(try await client.send("/console/features", body: off).json?.arrayValue)
            #expect(switched.first { $0["id"] == "picture" }?["switched"] == [["platform": "web", "chat": "group", "id": "web-group-test-1", "on": false]])
            let answer = try #require(try await client.send("/console/sandbox", body: Self.sandbox("@vio 来份涩图", group: true)).json)
            #expect(answer["replies"]?[0]?["images"] == [], "off in that chat")
            #expect(answer["replies"]?[0]?["text"]?.stringValue?.contains("/enable") == true)

            let help = try await client.send("/console/features", body: #"{"feature": "help", "platform": "web", "chat": "group", "id": "1", "on": false}"#)
            #expect(help.status == 400)
            let nowhere = try await client.send("/console/features", body: #"{"feature": "picture", "platform": "web", "chat": "room", "id": "1", "on": false}"#)
            #expect(nowhere.status == 400)
        }
    }

    @Test func onlyLoopbackAddressesAreThisMachine() throws {
        let local = try SocketAddress(ipAddress: "127.0.0.1", port: 1)
        #expect(ConsoleAccess<HTTPRouteContext>.isLocal(local, headers: [:]))
        #expect(ConsoleAccess<HTTPRouteContext>.isLocal(try SocketAddress(ipAddress: "::1", port: 1), headers: [:]))
        #expect(!ConsoleAccess<HTTPRouteContext>.isLocal(try SocketAddress(ipAddress: "10.0.0.5", port: 1), headers: [:]))
        #expect(!ConsoleAccess<HTTPRouteContext>.isLocal(try SocketAddress(ipAddress: "::ffff:10.0.0.5", port: 1), headers: [:]))
        #expect(!ConsoleAccess<HTTPRouteContext>.isLocal(nil, headers: [:]))
        #expect(ConsoleAccess<HTTPRouteContext>.basicPassword("Basic " + Data("u:p:q".utf8).base64EncodedString()) == "p:q")
        #expect(ConsoleAccess<HTTPRouteContext>.basicPassword("Bearer abc") == nil)
    }
}
