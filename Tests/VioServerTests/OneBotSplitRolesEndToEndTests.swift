import OneBot
import Testing
import VioCore
@testable import VioServerKit
import VioServerTesting

/// OneBot's reverse WebSocket with split roles, as go-cqhttp dials it with `use_universal_client`
/// off: events on an Event socket, actions on an API socket, paired by `X-Self-ID`.
@Suite(.timeLimit(.minutes(1))) struct OneBotSplitRolesEndToEndTests {
    static let account: Int64 = 50001

    func run(_ body: @Sendable (RunningServer) async throws -> Void) async throws {
        let directory = try TemporaryDirectory()
        try await RunningServer.with(bot: OneBotEndToEndTests.bot(), dataDirectory: directory.url, body)
    }

    static func connect(
        _ role: String, port: Int, account: Int64 = account, _ script: @escaping @Sendable (ScriptedOneBotPeer.Session) async throws -> Void
    ) async throws {
        try await ScriptedOneBotPeer.connect(port: port, path: "/onebot/v11/ws/\(role.lowercased())", selfID: account, role: role, script)
    }

    @Test func eventsComeOnTheEventSocketAndTheirActionsGoToTheAPISocket() async throws {
        try await run { server in
            try await Self.connect("API", port: server.port) { api async throws in
                try await Self.connect("Event", port: server.port) { events in
                    try await events.send(OneBotFrames.privateMessage("/status", selfID: Self.account, messageID: 1))
                    let status = try await api.nextAction()
                    #expect(status.name == "get_status")
                    try await api.respond(to: status, data: ["online": true, "good": true])
                    let reply = try await api.answerNext("send_msg")
                    #expect(reply.messageText == "online: true" && reply.params["user_id"]?.int64Value == 10001)

                    // The API socket stays open for every later event.
                    try await events.send(OneBotFrames.privateMessage("/ping", selfID: Self.account, messageID: 2))
                    #expect(try await api.answerNext("send_msg").messageText == "pong")
                }
            }
        }
    }

    @Test func anEventBeforeItsAPISocketConnectsIsAnsweredOnceItDoes() async throws {
        try await run { server in
            try await Self.connect("Event", port: server.port) { events in
                try await events.send(OneBotFrames.privateMessage("/ping", selfID: Self.account, messageID: 1))
                try await Self.connect("API", port: server.port) { api async throws in
                    #expect(try await api.answerNext("send_msg").messageText == "pong")
                }
            }
        }
    }

    @Test func eachAccountsActionsGoToItsOwnAPISocket() async throws {
        let other: Int64 = 50002
        try await run { server in
            try await Self.connect("API", port: server.port, account: other) { otherAPI in
                try await Self.connect("API", port: server.port) { api async throws in
                    try await Self.connect("Event", port: server.port, account: other) { otherEvents in
                        try await otherEvents.send(OneBotFrames.privateMessage("/status", selfID: other, messageID: 1))
                        let status = try await otherAPI.nextAction()
                        #expect(status.name == "get_status")
                        try await otherAPI.respond(to: status, data: ["online": false, "good": true])
                        #expect(try await otherAPI.answerNext("send_msg").messageText == "online: false")
                    }
                    try await Self.connect("Event", port: server.port) { events in
                        try await events.send(OneBotFrames.privateMessage("/ping", selfID: Self.account, messageID: 2))
                        // The first action on this account's API socket is its own reply: nothing of the other's came here.
                        #expect(try await api.answerNext("send_msg").messageText == "pong")
                    }
                }
            }
        }
    }
}
