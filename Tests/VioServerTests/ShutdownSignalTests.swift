import Foundation
import Testing
import VioAsyncHTTPClient
import VioCore
@testable import VioServerKit
import VioServerTesting

/// The built `vio-server`, as a process: SIGTERM (what a PaaS, systemd or Docker sends) ends it
/// cleanly with status 0 in every mode, whatever it is waiting on at the time.
@Suite struct ShutdownSignalTests {
    /// Starts vio-server on a free loopback port with `environment`, runs `whileServing` once it
    /// serves, sends SIGTERM and returns the exit status.
    func runThenTerminate(environment: [String: String], whileServing: (ServerProcess) async throws -> Void = { _ in }) async throws -> Int32? {
        let directory = try TemporaryDirectory()
        let server = try ServerProcess(
            arguments: ["--host", "127.0.0.1", "--port", "0"],
            environment: environment.merging(["VIO_DATA_DIR": directory.url.path]) { mine, _ in mine })
        defer { server.stop() }
        let serving = await server.waitForLine(containing: "serving on 127.0.0.1:")
        try #require(serving != nil, "vio-server did not start: \(server.output.joined(separator: "\n"))")
        try await whileServing(server)
        server.signal(SIGTERM)
        let status = await server.exitStatus()
        let output = await server.completeOutput()
        #expect(output.contains { $0.contains("vio-server stopped; storage closed") }, "\(output)")
        return status
    }

    @Test func withOnlyTheHTTPEndpointsAndOneBot() async throws {
        let status = try await runThenTerminate(environment: [:]) { server in
            let port = try #require(server.servingPort)
            try await AsyncHTTPClientTransport.withTransport { transport in
                let client = HTTPChatEndToEndTests.Client(port: port, transport: transport)
                let pong = try await client.send("/post", body: "usermsg=/ping", contentType: "application/x-www-form-urlencoded")
                #expect(pong.text.hasPrefix("pong"))
            }
        }
        #expect(status == 0)
    }

    @Test func whileALongPollIsOpen() async throws {
        let api = FakeBotAPI()
        try await api.run { apiURL in
            let status = try await runThenTerminate(environment: ["BOT_TOKEN": FakeBotAPI.token, "TELEGRAM_API_URL": apiURL.absoluteString]) { _ in
                _ = await api.waitForCall("getUpdates")
            }
            #expect(status == 0, "the open poll is cancelled, not waited out")
            api.finish()
        }
    }

    @Test func inWebhookMode() async throws {
        let api = FakeBotAPI()
        try await api.run { apiURL in
            let status = try await runThenTerminate(environment: [
                "BOT_TOKEN": FakeBotAPI.token, "TELEGRAM_API_URL": apiURL.absoluteString, "TG_WEBHOOK_URL": "https://bot.example.com/tgbot/",
            ]) { _ in
                _ = await api.waitForCall("setWebhook")
            }
            #expect(status == 0)
            #expect(!api.calls.contains { $0.method == "getUpdates" })
        }
    }

    @Test func whileDiallingAOneBotServer() async throws {
        let (connected, connectedInput) = AsyncStream.makeStream(of: Void.self)
        try await ScriptedOneBotServer.run(token: "dial-token", scripts: [
            { session in
                try await session.send(OneBotFrames.lifecycle(selfID: 30002))
                connectedInput.yield()
                await session.waitUntilClosed()
            },
        ]) { peer in
            let status = try await runThenTerminate(environment: ["ONEBOT_WS_URLS": peer.url, "ONEBOT_ACCESS_TOKEN": "dial-token"]) { server in
                for await _ in connected { break }
                _ = await server.waitForLine(containing: "OneBot peer connected by forward WebSocket")
            }
            #expect(status == 0)
            // vio-server closed the link itself, with a close frame the peer answered.
            try await peer.finished(1)
        }
    }
}
