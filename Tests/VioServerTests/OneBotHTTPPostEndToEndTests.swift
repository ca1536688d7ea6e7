import Foundation
import OneBot
import Testing
import VioAsyncHTTPClient
import VioCore
import VioCoreTesting
import VioServerTesting
import VioTestSupport
@testable import VioServerKit

/// OneBot's HTTP POST mode end to end: events POSTed to the real Vio bot, signed or not, and the
/// actions it takes, as a quick operation in the answer or through a scripted HTTP API.
@Suite struct OneBotHTTPPostEndToEndTests {
    static let account: Int64 = 40001
    static let secret = Redacted("post-secret")
    static let signer = OneBotHTTPEvent.Signer.hmacSHA1(secret: secret)

    /// vio-server in HTTP POST mode with the secret, its actions going to `api` with the access token.
    static func run(
        api: URL?, upstreams: FakeUpstreams = FakeUpstreams(), window: Duration = .seconds(30), maximumBodySize: Int = 16 << 20,
        _ body: @escaping @Sendable (HTTPChatEndToEndTests.Client) async throws -> Void
    ) async throws {
        let directory = try TemporaryDirectory()
        try await upstreams.run { baseURL in
            try await AsyncHTTPClientTransport.withTransport { transport in
                try await RunningServer.withVioBot(dataDirectory: directory.url, configure: { configuration in
                    configuration.oneBotHTTPRoots = api.map { OneBotHTTPRoots(shared: $0) }
                    configuration.oneBotSecret = secret
                    configuration.oneBotAccessToken = Redacted("api-token")
                    configuration.oneBotQuickReplyWindow = window
                    configuration.oneBotMaxFrameBytes = maximumBodySize
                    configuration.chat = .init(apiKey: Redacted("sk-test-key-0123456789"), baseURL: baseURL.appendingPathComponent("v1"), model: "fake")
                }) { server in
                    try await body(HTTPChatEndToEndTests.Client(port: server.port, transport: transport))
                }
            }
        }
    }

    /// How a posted event is signed.
    enum Signing {
        case right, unsigned
        case header(String)
    }

    /// POSTs `event` as go-cqhttp does, signed as `signing` says.
    static func post(_ event: String, to client: HTTPChatEndToEndTests.Client, signing: Signing = .right, path: String = "/onebot/v11/http")
        async throws -> HTTPChatEndToEndTests.Reply {
        var headers: VioCore.HTTPHeaders = ["X-Self-ID": "\(account)"]
        switch signing {
        case .right: headers["X-Signature"] = signer.signature(of: Data(event.utf8))
        case .unsigned: break
        case .header(let signature): headers["X-Signature"] = signature
        }
        return try await client.send(path, body: event, headers: headers)
    }

    /// The reply text of a quick operation answer.
    static func quickReply(_ reply: HTTPChatEndToEndTests.Reply) throws -> (text: String, operation: JSONValue) {
        let operation = try JSONDecoder().decode(JSONValue.self, from: Data(reply.text.utf8))
        let asSend = JSONValue.object(["message": operation["reply"] ?? .null])
        let text = ScriptedOneBotPeer.Action(name: "quick", params: asSend, echo: .null).messageText
        return (text, operation)
    }

    @Test func signsWithHMACSHA1() {
        let signer = OneBotHTTPEvent.Signer.hmacSHA1(secret: Redacted("key"))
        // The well-known HMAC-SHA1 test vector.
        #expect(signer.signature(of: Data("The quick brown fox jumps over the lazy dog".utf8)) == "sha1=de7c9b85b8b78aa6bc8a7a36f70a90701c9db4d9")
    }

    @Test func aCommandsOnlyReplyIsTheQuickOperationAndCallsNoAPI() async throws {
        try await ScriptedOneBotHTTPAPI.run { api in
            try await Self.run(api: api.root) { client async throws in
                let privately = try await Self.post(OneBotFrames.privateMessage("/ping", selfID: Self.account), to: client)
                #expect(privately.status == 200)
                let (pong, operation) = try Self.quickReply(privately)
                #expect(pong.hasPrefix("pong") && pong.contains("QQ \(Self.account) (HTTP)"), "\(pong)")
                #expect(operation["at_sender"] == false)

                let inGroup = try await Self.post(
                    OneBotFrames.groupMessage("/ping", atBot: true, selfID: Self.account), to: client, path: "/onebot/v11/http/")
                #expect(inGroup.status == 200)
                #expect(try Self.quickReply(inGroup).text.hasPrefix("pong"))
            }
            #expect(api.all.isEmpty, "\(api.all.map(\.name))")
        }
    }

    @Test func refusesUnsignedAndWronglySignedEventsWithoutActingOnThem() async throws {
        try await ScriptedOneBotHTTPAPI.run { api in
            try await Self.run(api: api.root) { client async throws in
                let banMe = OneBotFrames.groupMessage("/banme", from: 10007, atBot: true, selfID: Self.account)
                #expect(try await Self.post(banMe, to: client, signing: .unsigned).status == 403)
                #expect(try await Self.post(banMe, to: client, signing: .header("sha1=0000000000000000000000000000000000000000")).status == 403)
                // Signed by another secret, as an implementation set up with an old one would.
                let stale = OneBotHTTPEvent.Signer.hmacSHA1(secret: Redacted("old-secret")).signature(of: Data(banMe.utf8))
                #expect(try await Self.post(banMe, to: client, signing: .header(stale)).status == 403)
                #expect(try await Self.post("not json", to: client).status == 400)

                let signed = OneBotFrames.groupMessage("/banme", from: 10008, atBot: true, selfID: Self.account)
                #expect(try await Self.post(signed, to: client).status == 204)
                #expect(try await api.nextCall().name == "set_group_ban")
                #expect(try await api.nextCall().name == "send_msg")
            }
            let users = api.all.compactMap { $0.params["user_id"] }
            #expect(users == [10008], "only the signed event was acted on: \(api.all.map(\.params))")
        }
    }

    @Test func whatAHandlerDoesBesidesOneReplyGoesThroughTheAPIInOrder() async throws {
        try await ScriptedOneBotHTTPAPI.run { api in
            try await Self.run(api: api.root) { client async throws in
                let answer = try await Self.post(OneBotFrames.groupMessage("/banme", from: 10008, atBot: true, selfID: Self.account), to: client)
                #expect(answer.status == 204)
                let mute = try await api.nextCall()
                #expect(mute.name == "set_group_ban")
                #expect(mute.params["group_id"] == 20002 && mute.params["user_id"] == 10008)
                #expect(mute.authorization == "Bearer api-token")
                let told = try await api.nextCall()
                #expect(told.name == "send_msg" && told.params["group_id"] == 20002)
                #expect(told.messageText.contains("禁言"), "\(told.messageText)")

                // A notice has no quick operation: its welcome goes through the API.
                let joined = OneBotFrames.memberJoined(selfID: Self.account)
                #expect(try await Self.post(joined, to: client).status == 204)
                let welcome = try await api.nextCall()
                #expect(welcome.name == "send_msg" && welcome.params["group_id"] == 20002)
                #expect(welcome.messageText.contains("欢迎"), "\(welcome.messageText)")
            }
        }
    }

    @Test func aReplyLaterThanTheWindowGoesThroughTheAPI() async throws {
        let gate = Gate()
        try await ScriptedOneBotHTTPAPI.run { api in
            try await Self.run(api: api.root, upstreams: FakeUpstreams(modelGate: gate), window: .milliseconds(50)) { client async throws in
                // The model answers only after the POST was answered: the window passed first.
                let answer = try await Self.post(OneBotFrames.privateMessage("讲个故事", selfID: Self.account), to: client)
                #expect(answer.status == 204)
                gate.open()
                let reply = try await api.nextCall()
                #expect(reply.name == "send_msg" && reply.params["user_id"] == 10001)
                #expect(reply.messageText == "答复2")
            }
        }
    }

    @Test func withoutAnAPIRepliesStillGoBackAsQuickOperations() async throws {
        try await Self.run(api: nil) { client async throws in
            let answer = try await Self.post(OneBotFrames.privateMessage("/ping", selfID: Self.account), to: client)
            #expect(answer.status == 200)
            #expect(try Self.quickReply(answer).text.hasPrefix("pong"))
            // A heartbeat is taken and answered with nothing.
            #expect(try await Self.post(OneBotFrames.heartbeat(selfID: Self.account), to: client).status == 204)
        }
    }

    @Test func anEventOverTheSizeLimitIsRefusedAndTheNextIsTaken() async throws {
        try await Self.run(api: nil, maximumBodySize: 4096) { client async throws in
            let huge = OneBotFrames.privateMessage("/ping " + String(repeating: "长", count: 4096), selfID: Self.account)
            #expect(try await Self.post(huge, to: client).status == 413)
            let answer = try await Self.post(OneBotFrames.privateMessage("/ping", selfID: Self.account), to: client)
            #expect(answer.status == 200)
            #expect(try Self.quickReply(answer).text.hasPrefix("pong"))
        }
    }

    @Test func anAccountOnAReverseWebSocketAndOnePostingRunTogetherEachAnsweredItsWay() async throws {
        let onSocket: Int64 = 40002
        try await ScriptedOneBotHTTPAPI.run { api in
            try await Self.run(api: api.root) { client async throws in
                try await ScriptedOneBotPeer.connect(port: client.port, selfID: onSocket, credential: .bearer("api-token")) { peer in
                    try await peer.send(OneBotFrames.privateMessage("/ping", selfID: onSocket))
                    #expect(try await peer.answerNext("send_msg").messageText.hasPrefix("pong"))

                    let posted = try await Self.post(OneBotFrames.privateMessage("/ping", selfID: Self.account), to: client)
                    let pong = try Self.quickReply(posted).text
                    #expect(pong.contains("QQ \(onSocket)") && pong.contains("QQ \(Self.account) (HTTP)"), "\(pong)")
                }
            }
            #expect(api.all.isEmpty, "the socket's account acted on its socket: \(api.all.map(\.name))")
        }
    }
}
