import Foundation
import ServiceLifecycle
import Testing
import VioAsyncHTTPClient
import VioCore
import VioCoreTesting
import VioServerTesting
import VioTestSupport
@testable import VioServerKit
@testable import VioStorage

@Suite struct HealthRoutesTests {
    /// `GET /<path>`, as "status body".
    static func get(_ path: String, port: Int, via transport: AsyncHTTPClientTransport) async throws -> String {
        let url = try #require(URL(string: "http://127.0.0.1:\(port)/\(path)"))
        let response = try await transport.send(VioCore.HTTPRequest(url: url, timeout: .seconds(10)))
        return "\(response.status) " + String(decoding: response.body, as: UTF8.self)
    }

    @Test func theServerAnswersHealthAndReadinessOnItsPort() async throws {
        let directory = try TemporaryDirectory()
        try await RunningServer.with(bot: Bot(), dataDirectory: directory.url) { server in
            try await AsyncHTTPClientTransport.withTransport { transport in
                let health = try await Self.get("healthz", port: server.port, via: transport)
                let ready = try await Self.get("readyz", port: server.port, via: transport)
                // Once shutdown begins, a load balancer must stop sending work; the process still serves.
                server.server.readiness.shutdownBegan()
                let stopping = try await Self.get("readyz", port: server.port, via: transport)
                let stillServing = try await Self.get("healthz", port: server.port, via: transport)
                #expect([health, ready, stopping, stillServing] == ["200 ok", "200 ready", "503 shutting down", "200 ok"])
            }
        }
    }

    @Test func closedStorageIsNotReady() async throws {
        let directory = try TemporaryDirectory()
        let storage = try ServerStorage.open(in: directory.url)
        let readiness = Readiness(storageNotReadyReason: { storage.notReadyReason })
        #expect(readiness.notReadyReason == nil)
        try await storage.close()
        #expect(readiness.notReadyReason == "storage is closed")
    }

    @Test func gracefulShutdownTurnsReadinessOffAndStopsTakingEvents() async throws {
        let readiness = Readiness(storageNotReadyReason: { nil })
        let dispatcher = Dispatcher(bot: OneBotEndToEndTests.bot(gate: Gate()))
        let service = DispatcherService(dispatcher: dispatcher, readiness: readiness, logger: .quiet("dispatcher-test"))
        let group = ServiceGroup(configuration: .init(services: [service], gracefulShutdownSignals: [], logger: .quiet("dispatcher-test")))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
        #expect(readiness.notReadyReason == "shutting down")
        let actions = RecordingActions()
        try await dispatcher.serve(ScriptedOneEvent(event: .message(.test(text: "/ping")), actions: actions))
        #expect(actions.sentTexts.isEmpty, "an event after shutdown began is dropped")
    }
}

/// A connection that delivers one event and ends.
struct ScriptedOneEvent: PlatformConnection {
    let event: BotEvent
    let actions: any ChatActions

    func run(deliver: (Delivery) -> Void) async throws {
        deliver(Delivery(event, via: actions))
    }
}
