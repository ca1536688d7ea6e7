import Foundation
import OneBot
import Testing
import VioCore

/// ``OneBotConnection``: the one frame loop of every OneBot socket.
@Suite struct ConnectionTests {
    static func privateMessage(_ text: String, id: Int) -> Data {
        Data(#"{"time":1,"self_id":5,"post_type":"message","message_type":"private","sub_type":"friend","message_id":\#(id),"user_id":6,"message":"\#(text)"}"#.utf8)
    }

    @Test func eventsAreDeliveredResponsesAnswerCallsAndTheEndFailsWhatIsPending() async throws {
        let (frames, peer) = AsyncStream.makeStream(of: Data.self)
        let connection = OneBotConnection(selfID: 5, frames: frames) { frame in
            // The peer answers get_status only, then sends one more message.
            let request = try JSONDecoder().decode(JSONValue.self, from: frame)
            if request["action"] == "get_status", let echo = request["echo"]?.stringValue {
                peer.yield(Data(#"{"status":"ok","retcode":0,"data":{"online":true,"good":true},"echo":"\#(echo)"}"#.utf8))
                peer.yield(Self.privateMessage("again", id: 2))
            }
        }
        peer.yield(Self.privateMessage("hello", id: 1))
        peer.yield(Data(#"{"time":1,"self_id":5,"post_type":"meta_event","meta_event_type":"heartbeat","interval":5000,"status":{}}"#.utf8))
        peer.yield(Data("not json".utf8))

        var texts: [String] = []
        async let status = connection.client.call(GetStatus())
        async let unanswered: Void = { _ = try await connection.client.call(GetVersionInfo()) }()
        try await connection.run { delivery in
            guard case .message(let message) = delivery.event else { return }
            #expect(delivery.actions.platform == .onebot)
            texts.append(message.text)
            if texts.count == 2 { peer.finish() }
        }
        #expect(texts == ["hello", "again"], "the heartbeat and the garbage are not delivered")
        #expect(try await status.online == true)
        do {
            try await unanswered
            Issue.record("a call nobody answered succeeded")
        } catch {
            #expect(error as? OneBotError == .connectionClosed(action: "get_version_info"), "the end fails what is pending")
        }
    }

    @Test func largeFramesAreHandledOffTheConnectionsExecutor() async throws {
        let (frames, peer) = AsyncStream.makeStream(of: Data.self)
        var connection = OneBotConnection(selfID: 5, frames: frames) { _ in }
        connection.largeFrameSize = 4_000
        peer.yield(Self.privateMessage("small", id: 1))
        peer.yield(Self.privateMessage(String(repeating: "大", count: 2_000), id: 2))
        peer.finish()
        var preferences: [Bool] = []
        try await connection.run { delivery in preferences.append(delivery.preferredExecutor != nil) }
        #expect(preferences == [false, true])
    }
}
