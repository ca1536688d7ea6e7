import Foundation
import OneBot
import Testing
import VioCore

@Suite struct SessionTests {
    private func respond(echo: String, data: String = #"{"message_id":1}"#) -> Data {
        Data(#"{"status":"ok","retcode":0,"data":\#(data),"echo":"\#(echo)"}"#.utf8)
    }

    @Test func matchesOutOfOrderResponsesByEcho() throws {
        var session = OneBotSession()
        let first = try session.start(DeleteMessage(1))
        let second = try session.start(GetLoginInfo())
        #expect(first.echo != second.echo)
        guard case .response(let call, _) = try session.receive(respond(echo: second.echo)) else { throw Fixture.Missing(name: "second") }
        #expect(call == second)
        guard case .response(let earlier, _) = try session.receive(respond(echo: first.echo)) else { throw Fixture.Missing(name: "first") }
        #expect(earlier == first)
        guard case .unmatched = try session.receive(respond(echo: first.echo)) else {
            Issue.record("a repeated echo must not match twice")
            return
        }
        #expect(session.pendingCount == 0)
    }

    @Test func echoMayComeBackAsANumber() throws {
        var session = OneBotSession()
        let call = try session.start(GetLoginInfo())
        guard case .response(let matched, _) = try session.receive(Data(#"{"status":"ok","retcode":0,"data":null,"echo":\#(call.echo)}"#.utf8)) else {
            throw Fixture.Missing(name: "numeric echo")
        }
        #expect(matched.echo == call.echo)
    }

    @Test func eventsPassThroughAndGarbageIsATypedError() throws {
        var session = OneBotSession()
        guard case .event(let event) = try session.receive(try Fixture.data("event-meta-lifecycle-connect.json")) else {
            throw Fixture.Missing(name: "event")
        }
        #expect(event.selfID == 123_456)
        #expect(throws: OneBotError.self) { try session.receive(Data("{}".utf8)) }
        #expect(throws: OneBotError.self) { try session.receive(Data("]".utf8)) }
    }

    @Test func closeReturnsEveryPendingCallAndRefusesNewOnes() throws {
        var session = OneBotSession()
        let calls = try (0..<3).map { _ in try session.start(GetStatus()) }
        #expect(Set(session.close()) == Set(calls))
        #expect(throws: OneBotError.connectionClosed(action: "get_status")) { try session.start(GetStatus()) }
    }
}

/// A scripted peer for ``OneBotClient``: answers each request frame with what `answer` returns.
private func servePeer(_ client: OneBotClient, answer: @escaping @Sendable (JSONValue) -> String?) -> Task<Void, Never> {
    Task {
        for await frame in client.outgoing {
            guard let request = try? JSONDecoder().decode(JSONValue.self, from: frame), let reply = answer(request) else { continue }
            _ = client.receive(Data(reply.utf8))
        }
    }
}

@Suite struct ClientTests {
    @Test func aHundredConcurrentCallsEachGetTheirOwnAnswer() async throws {
        let client = OneBotClient()
        let peer = servePeer(client) { request in
            let id = request["params"]?["message_id"]?.int64Value ?? -1
            return #"{"status":"ok","retcode":0,"data":{"message_id":\#(id * 10),"message":"m\#(id)"},"echo":"\#(request["echo"]?.stringValue ?? "")"}"#
        }
        let results = try await withThrowingTaskGroup(of: (Int64, MessageDetails).self) { group in
            for id in Int64(1)...100 {
                group.addTask { (id, try await client.call(GetMessage(ID(id)))) }
            }
            return try await group.reduce(into: [:]) { $0[$1.0] = $1.1 }
        }
        #expect(results.count == 100)
        for (id, details) in results {
            #expect(details.messageID == ID(id * 10))
            #expect(details.message == Message(stringLiteral: "m\(id)"))
        }
        #expect(client.pendingCalls == 0)
        client.connectionClosed()
        await peer.value
    }

    @Test func failedCallsThrowActionFailed() async throws {
        let client = OneBotClient()
        let peer = servePeer(client) { request in
            #"{"status":"failed","retcode":1404,"data":null,"message":"不支持的Api","echo":"\#(request["echo"]?.stringValue ?? "")"}"#
        }
        await #expect(throws: OneBotError.actionFailed(action: "get_cookies", retcode: 1404, message: "不支持的Api")) {
            try await client.call(GetCookies())
        }
        client.connectionClosed()
        await peer.value
    }

    @Test func aSilentPeerTimesOutAndALateAnswerIsDropped() async throws {
        let client = OneBotClient()
        await #expect(throws: OneBotError.timedOut(action: "get_status", after: .milliseconds(5))) {
            try await client.call(GetStatus(), timeout: .milliseconds(5))
        }
        #expect(client.pendingCalls == 0)
        #expect(client.receive(Data(#"{"status":"ok","retcode":0,"data":null,"echo":"1"}"#.utf8)) == nil)
    }

    @Test func closingFailsEveryPendingCallAtOnce() async throws {
        let client = OneBotClient()
        let sent = Task {
            var count = 0
            for await _ in client.outgoing {
                count += 1
                if count == 3 { client.connectionClosed() }
            }
            return count
        }
        let outcomes = await withTaskGroup(of: (any Error)?.self) { group in
            for _ in 0..<3 {
                group.addTask {
                    do {
                        _ = try await client.call(GetVersionInfo())
                        return nil
                    } catch {
                        return error
                    }
                }
            }
            return await group.reduce(into: [(any Error)?]()) { $0.append($1) }
        }
        #expect(await sent.value == 3)
        #expect(outcomes.allSatisfy { ($0 as? OneBotError) == .connectionClosed(action: "get_version_info") })
        await #expect(throws: OneBotError.connectionClosed(action: "get_status")) { try await client.call(GetStatus()) }
    }

    @Test func genericCallsReturnJSON() async throws {
        let client = OneBotClient()
        let peer = servePeer(client) { request in
            #"{"status":"ok","retcode":0,"data":{"echoed":\#(request["params"]?["n"]?.int64Value ?? 0)},"echo":\#(request["echo"]?.stringValue ?? "0")}"#
        }
        let result = try await client.call("custom_action", params: ["n": 7])
        #expect(result == ["echoed": 7])
        client.connectionClosed()
        await peer.value
    }
}
