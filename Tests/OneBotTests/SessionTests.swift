import Foundation
import OneBot
import Testing
import VioCore

/// Each transition of the connection's state machine, without sockets, tasks or clocks. Waiters are
/// labels here; ``OneBotClient`` keeps continuations.
@Suite struct SessionTests {
    let start = ContinuousClock.now

    private func respond(echo: String, data: String = #"{"message_id":1}"#) -> Data {
        Data(#"{"status":"ok","retcode":0,"data":\#(data),"echo":"\#(echo)"}"#.utf8)
    }

    private func response(echo: String) throws -> ActionResponse {
        guard case .response(let response) = try OneBotFrame.read(respond(echo: echo)) else { throw Fixture.Missing(name: "response") }
        return response
    }

    @Test func aCallGivesItsFrameAndAsksForTheFirstWake() throws {
        var session = OneBotSession<String>()
        let first = try session.call(GetLoginInfo(), timeout: .seconds(30), now: start)
        let request = try JSONDecoder().decode(JSONValue.self, from: first.frame)
        #expect(request["action"] == "get_login_info")
        #expect(request["echo"]?.stringValue == first.call.echo)
        #expect(first.wakeAt == start.advanced(by: .seconds(30)))
        let later = try session.call(GetStatus(), timeout: .seconds(60), now: start)
        #expect(later.wakeAt == nil, "the timer already wakes earlier")
        let sooner = try session.call(GetStatus(), timeout: .seconds(1), now: start)
        #expect(sooner.wakeAt == start.advanced(by: .seconds(1)), "an earlier deadline re-arms the timer")
        #expect(Set([first, later, sooner].map(\.call.echo)).count == 3)
        #expect(session.pendingCount == 3)
    }

    @Test func aResponseResumesItsWaitingCallOnce() throws {
        var session = OneBotSession<String>()
        let started = try session.call(DeleteMessage(1), timeout: .seconds(30), now: start)
        #expect(session.wait(started.call.echo, with: "caller") == nil)
        guard case .resume(let waiter, let response) = session.receive(try response(echo: started.call.echo)) else {
            Issue.record("the waiting call was not resumed")
            return
        }
        #expect(waiter == "caller")
        #expect(response.retcode == 0)
        #expect(session.pendingCount == 0)
        guard case .unmatched = session.receive(try self.response(echo: started.call.echo)) else {
            Issue.record("a repeated echo must not match twice")
            return
        }
    }

    @Test func aResponseWhileTheFrameIsBeingWrittenIsKeptForTheWait() throws {
        var session = OneBotSession<String>()
        let started = try session.call(DeleteMessage(1), timeout: .seconds(30), now: start)
        guard case .kept = session.receive(try response(echo: started.call.echo)) else {
            Issue.record("an early answer must be kept")
            return
        }
        let outcome = session.wait(started.call.echo, with: "caller")
        #expect(try outcome?.get().echo == started.call.echo)
        #expect(session.pendingCount == 0)
    }

    @Test func aResponseWithAnUnknownEchoMatchesNothing() throws {
        var session = OneBotSession<String>()
        let started = try session.call(GetStatus(), timeout: .seconds(30), now: start)
        _ = session.wait(started.call.echo, with: "caller")
        guard case .unmatched(let response) = session.receive(try response(echo: "999")) else {
            Issue.record("echo 999 was never sent")
            return
        }
        #expect(response.echo == "999")
        #expect(session.pendingCount == 1, "the real call still waits")
    }

    @Test func manyCallsInFlightAreMatchedOutOfOrder() throws {
        var session = OneBotSession<Int>()
        var echoes: [String: Int] = [:]
        for index in 0..<500 {
            let started = try session.call(GetMessage(ID(Int64(index))), timeout: .seconds(30), now: start)
            _ = session.wait(started.call.echo, with: index)
            echoes[started.call.echo] = index
        }
        for (echo, index) in echoes.shuffled() {
            guard case .resume(let waiter, _) = session.receive(try response(echo: echo)) else {
                Issue.record("call \(index) was not matched")
                return
            }
            #expect(waiter == index)
        }
        #expect(session.pendingCount == 0)
    }

    @Test func echoMayComeBackAsANumber() throws {
        var session = OneBotSession<String>()
        let started = try session.call(GetLoginInfo(), timeout: .seconds(30), now: start)
        _ = session.wait(started.call.echo, with: "caller")
        guard case .answer(.resume(let waiter, _)) = try session.receive(Data(#"{"status":"ok","retcode":0,"data":null,"echo":\#(started.call.echo)}"#.utf8)) else {
            throw Fixture.Missing(name: "numeric echo")
        }
        #expect(waiter == "caller")
    }

    @Test func aTickFailsOnlyTheCallsPastTheirDeadlineAndNamesTheNextWake() throws {
        var session = OneBotSession<String>()
        let short = try session.call(GetStatus(), timeout: .seconds(1), now: start)
        let long = try session.call(GetLoginInfo(), timeout: .seconds(10), now: start)
        _ = session.wait(short.call.echo, with: "short")
        _ = session.wait(long.call.echo, with: "long")

        let early = session.tick(now: start.advanced(by: .milliseconds(500)))
        #expect(early.failed.isEmpty)
        #expect(early.nextWake == start.advanced(by: .seconds(1)))

        let due = session.tick(now: start.advanced(by: .seconds(1)))
        #expect(due.failed.map(\.0) == ["short"])
        #expect(due.failed.map(\.1) == [.timedOut(action: "get_status", after: .seconds(1))])
        #expect(due.nextWake == start.advanced(by: .seconds(10)))
        guard case .unmatched = session.receive(try response(echo: short.call.echo)) else {
            Issue.record("a late answer must not match")
            return
        }

        let last = session.tick(now: start.advanced(by: .seconds(11)))
        #expect(last.failed.map(\.0) == ["long"])
        #expect(last.nextWake == nil)
        let next = try session.call(GetStatus(), timeout: .seconds(5), now: start.advanced(by: .seconds(11)))
        #expect(next.wakeAt == start.advanced(by: .seconds(16)), "with nothing pending, a new call arms the timer")
    }

    @Test func aCallThatTimesOutWhileBeingWrittenFailsWhenItWaits() throws {
        var session = OneBotSession<String>()
        let started = try session.call(GetStatus(), timeout: .seconds(1), now: start)
        #expect(session.tick(now: start.advanced(by: .seconds(2))).failed.isEmpty, "no waiter to resume yet")
        let outcome = session.wait(started.call.echo, with: "caller")
        #expect(throws: OneBotError.timedOut(action: "get_status", after: .seconds(1))) { try outcome?.get() }
    }

    @Test func closeFailsEveryPendingCallAndRefusesNewOnes() throws {
        var session = OneBotSession<String>()
        for label in ["a", "b", "c"] {
            let started = try session.call(GetStatus(), timeout: .seconds(30), now: start)
            _ = session.wait(started.call.echo, with: label)
        }
        let writing = try session.call(GetVersionInfo(), timeout: .seconds(30), now: start)
        let failed = session.close()
        #expect(Set(failed.map(\.0)) == ["a", "b", "c"])
        #expect(failed.allSatisfy { $0.1 == .connectionClosed(action: "get_status") })
        let outcome = session.wait(writing.call.echo, with: "d")
        #expect(throws: OneBotError.connectionClosed(action: "get_version_info")) { try outcome?.get() }
        #expect(throws: OneBotError.connectionClosed(action: "get_status")) { try session.call(GetStatus(), timeout: .seconds(1), now: start) }
        #expect(session.pendingCount == 0)
    }

    @Test func cancelHandsBackAWaiterOrEndsACallBeingWritten() throws {
        var session = OneBotSession<String>()
        let waiting = try session.call(GetStatus(), timeout: .seconds(30), now: start)
        _ = session.wait(waiting.call.echo, with: "waiting")
        #expect(session.cancel(waiting.call.echo) == "waiting")
        let writing = try session.call(GetStatus(), timeout: .seconds(30), now: start)
        #expect(session.cancel(writing.call.echo) == nil)
        let outcome = session.wait(writing.call.echo, with: "late")
        #expect(throws: CancellationError.self) { try outcome?.get() }
        #expect(session.pendingCount == 0)
    }

    @Test func aFailedWriteForgetsTheCall() throws {
        var session = OneBotSession<String>()
        let started = try session.call(GetStatus(), timeout: .seconds(30), now: start)
        session.writeFailed(started.call.echo)
        #expect(session.pendingCount == 0)
    }

    @Test func eventsPassThroughAndGarbageIsATypedError() throws {
        var session = OneBotSession<String>()
        guard case .event(let event) = try session.receive(try Fixture.data("event-meta-lifecycle-connect.json")) else {
            throw Fixture.Missing(name: "event")
        }
        #expect(event.selfID == 123_456)
        #expect(throws: OneBotError.self) { try session.receive(Data("{}".utf8)) }
        #expect(throws: OneBotError.self) { try session.receive(Data("]".utf8)) }
    }
}

/// A scripted peer on the other end of `socket`: answers each request frame with what `answer` returns.
private func servePeer(_ socket: FrameSocket, _ client: OneBotClient, answer: @escaping @Sendable (JSONValue) -> String?) -> Task<Void, Never> {
    Task {
        for await frame in socket.frames {
            guard let request = try? JSONDecoder().decode(JSONValue.self, from: frame), let reply = answer(request) else { continue }
            _ = client.receive(Data(reply.utf8))
        }
    }
}

@Suite struct ClientTests {
    @Test func aHundredConcurrentCallsEachGetTheirOwnAnswer() async throws {
        let socket = FrameSocket()
        let client = socket.client()
        let peer = servePeer(socket, client) { request in
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
        socket.close()
        await peer.value
    }

    @Test func failedCallsThrowActionFailed() async throws {
        let socket = FrameSocket()
        let client = socket.client()
        let peer = servePeer(socket, client) { request in
            #"{"status":"failed","retcode":1404,"data":null,"message":"不支持的Api","echo":"\#(request["echo"]?.stringValue ?? "")"}"#
        }
        await #expect(throws: OneBotError.actionFailed(action: "get_cookies", retcode: 1404, message: "不支持的Api")) {
            try await client.call(GetCookies())
        }
        client.connectionClosed()
        socket.close()
        await peer.value
    }

    @Test func aSilentPeerTimesOutAndALateAnswerIsDropped() async throws {
        let client = FrameSocket().client()
        await #expect(throws: OneBotError.timedOut(action: "get_status", after: .milliseconds(5))) {
            try await client.call(GetStatus(), timeout: .milliseconds(5))
        }
        #expect(client.pendingCalls == 0)
        #expect(client.receive(Data(#"{"status":"ok","retcode":0,"data":null,"echo":"1"}"#.utf8)) == nil)
    }

    @Test func closingFailsEveryPendingCallAtOnce() async throws {
        let socket = FrameSocket()
        let client = socket.client()
        let sent = Task {
            var count = 0
            for await _ in socket.frames {
                count += 1
                if count == 3 {
                    client.connectionClosed()
                    socket.close()
                }
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
        let socket = FrameSocket()
        let client = socket.client()
        let peer = servePeer(socket, client) { request in
            #"{"status":"ok","retcode":0,"data":{"echoed":\#(request["params"]?["n"]?.int64Value ?? 0)},"echo":\#(request["echo"]?.stringValue ?? "0")}"#
        }
        let result = try await client.call("custom_action", params: ["n": 7])
        #expect(result == ["echoed": 7])
        client.connectionClosed()
        socket.close()
        await peer.value
    }
}
