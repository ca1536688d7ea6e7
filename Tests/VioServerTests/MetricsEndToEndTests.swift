import Foundation
import Synchronization
import Testing
import VioAsyncHTTPClient
import VioCore
@testable import VioServerKit
import VioServerTesting

/// `GET /metrics` of the real Vio bot after real traffic: events, actions, the model and the
/// connected bots, per platform.
@Suite struct MetricsEndToEndTests {
    static let selfID: Int64 = 3_000_000_077

    /// The value of the sample `name{labels}` in Prometheus text, if present.
    static func sample(_ name: String, _ labels: String, in text: String) -> Double? {
        let prefix = labels.isEmpty ? "\(name) " : "\(name){\(labels)} "
        return text.split(separator: "\n").first { $0.hasPrefix(prefix) }.flatMap { Double($0.dropFirst(prefix.count)) }
    }

    @Test func eventsActionsModelCallsAndConnectedBotsAreCounted() async throws {
        let directory = try TemporaryDirectory()
        let upstreams = FakeUpstreams()
        try await upstreams.run { baseURL in
            try await RunningServer.withVioBot(dataDirectory: directory.url, configure: { configuration in
                configuration.chat = .init(apiKey: Redacted("sk-test-key-0123456789"), baseURL: baseURL.appendingPathComponent("v1"), model: "fake")
                configuration.httpRequestsPerMinute = 0
            }) { server in
                try await AsyncHTTPClientTransport.withTransport { transport in
                    let client = HTTPChatEndToEndTests.Client(port: server.port, transport: transport)
                    let scraped = Mutex("")
                    try await ScriptedOneBotPeer.connect(port: server.port, selfID: Self.selfID) { peer in
                        try await peer.send(OneBotFrames.privateMessage("/ping", selfID: Self.selfID))
                        _ = try await peer.answerNext("send_msg")
                        try await peer.send(OneBotFrames.privateMessage("你好", selfID: Self.selfID, messageID: 2))
                        _ = try await peer.answerNext("send_msg")
                        // An event counts as handled once its reply's send has returned, just after the
                        // peer saw it: scrape until both events are in (each scrape a round trip, no sleep).
                        var text = ""
                        for _ in 0..<1000 {
                            text = try await client.send("/metrics", method: "GET").text
                            if Self.sample("vio_events_handled_total", #"platform="onebot""#, in: text) == 2,
                               Self.sample("vio_actions_total", #"action="send",platform="onebot""#, in: text) == 2 { break }
                        }
                        scraped.withLock { [text] in $0 = text }
                    }
                    let whileConnected = scraped.withLock { $0 }
                    let (_, events) = try await client.events("/v1/chat", body: #"{"user": "m", "message": "hi", "stream": true}"#)
                    for try await _ in events {}
                    let after = try await client.send("/metrics", method: "GET")
                    #expect(after.headers["Content-Type"]?.hasPrefix("text/plain; version=0.0.4") == true)

                    #expect(Self.sample("vio_connected_bots", #"platform="onebot""#, in: whileConnected) == 1)
                    #expect(Self.sample("vio_connected_bots", #"platform="http""#, in: after.text) == 0, "every platform has its gauge")
                    #expect(Self.sample("vio_events_handled_total", #"platform="onebot""#, in: whileConnected) == 2)
                    #expect(Self.sample("vio_actions_total", #"action="send",platform="onebot""#, in: whileConnected) == 2)
                    #expect(Self.sample("vio_event_handling_seconds_count", #"platform="onebot""#, in: whileConnected) == 2)
                    #expect(Self.sample("vio_model_request_seconds_count", #"model="fake""#, in: after.text) == 2, "the chat turn and the stream")
                    #expect(Self.sample("vio_model_time_to_first_token_seconds_count", #"model="fake""#, in: after.text) == 2, "both streamed")
                    #expect(Self.sample("vio_model_failures_total", #"model="fake""#, in: after.text) == nil)
                }
            }
        }
    }

    @Test func failedActionsAndDroppedEventsAreCountedToo() async throws {
        let metrics = ServerMetrics()
        let actions = RecordingActionsFailingSend()
        let metered = MeteredActions(actions, metrics: metrics)
        await #expect(throws: (any Error).self) { try await metered.send("hi", to: .private(1)) }
        metrics.dropped(.message(.test(text: "x")), on: .telegram)
        let text = metrics.exposition(connected: [.telegram: 1], storage: .init(isReady: false, keptWrites: 3))
        #expect(Self.sample("vio_action_failures_total", #"action="send",platform="console""#, in: text) == 1)
        #expect(Self.sample("vio_actions_total", #"action="send",platform="console""#, in: text) == 1)
        #expect(Self.sample("vio_events_dropped_total", #"platform="telegram""#, in: text) == 1)
        #expect(Self.sample("vio_connected_bots", #"platform="telegram""#, in: text) == 1)
        #expect(Self.sample("vio_storage_ready", "", in: text) == 0)
        #expect(Self.sample("vio_storage_kept_writes", "", in: text) == 3)
    }

    @Test func theKeyGuardsMetricsToo() async throws {
        let directory = try TemporaryDirectory()
        try await RunningServer.withVioBot(dataDirectory: directory.url, configure: { $0.httpAPIKey = Redacted("metrics-key-0123456789") }) { server in
            try await AsyncHTTPClientTransport.withTransport { transport in
                let client = HTTPChatEndToEndTests.Client(port: server.port, transport: transport)
                let refused = try await client.send("/metrics", method: "GET")
                let allowed = try await client.send("/metrics", method: "GET", headers: ["Authorization": "Bearer metrics-key-0123456789"])
                #expect(refused.status == 401 && allowed.status == 200)
            }
        }
    }
}

/// Actions whose every send fails, as a platform that refuses does.
private final class RecordingActionsFailingSend: ChatActions {
    struct Refused: Error {}
    let platform = Platform.console

    func send(_ message: OutgoingMessage, to chat: Chat) async throws -> ID? {
        throw Refused()
    }
}
