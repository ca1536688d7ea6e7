import Foundation
import Testing
import VioCore
@testable import OneBot

/// The sans-I/O pieces of a dialled (forward) connection: learning the account, and telling a dead
/// connection by its heartbeats.
@Suite struct ForwardConnectionTests {
    static func event(_ json: String) throws -> OneBotEvent {
        guard case .event(let event) = try OneBotFrame.read(Data(json.utf8)) else { throw OneBotError.notAnEvent }
        return event
    }

    static let heartbeat = #"{"time":1,"self_id":5,"post_type":"meta_event","meta_event_type":"heartbeat","status":{},"interval":2000}"#
    static let lifecycle = #"{"time":1,"self_id":5,"post_type":"meta_event","meta_event_type":"lifecycle","sub_type":"connect"}"#

    @Test func theAccountComesFromAnEventOrTheProbesAnswer() throws {
        let request = try JSONDecoder().decode(JSONValue.self, from: SelfIDProbe.request)
        #expect(request["action"] == "get_login_info" && request["echo"] == .string(SelfIDProbe.echo))
        #expect(SelfIDProbe.selfID(in: Data(Self.lifecycle.utf8)) == ID(5))
        let answer = #"{"status":"ok","retcode":0,"data":{"user_id":"123456789012","nickname":"v"},"echo":"vio-self-id"}"#
        #expect(SelfIDProbe.selfID(in: Data(answer.utf8)) == ID(123_456_789_012), "ids as strings too")
        let someoneElses = #"{"status":"ok","retcode":0,"data":{"user_id":7,"nickname":"v"},"echo":"12"}"#
        #expect(SelfIDProbe.selfID(in: Data(someoneElses.utf8)) == nil)
        #expect(SelfIDProbe.selfID(in: Data("garbage".utf8)) == nil)
    }

    @Test func aConnectionIsOverdueOnlyAfterHeartbeatsWereSeenAndStopped() throws {
        let start = ContinuousClock.Instant.now
        var watch = HeartbeatWatch<ContinuousClock.Instant>(tolerance: 3)
        watch.received(try Self.event(Self.lifecycle), at: start)
        #expect(watch.deadline == nil && !watch.isOverdue(at: start + .seconds(3600)), "no heartbeat yet: they may be off")
        watch.received(try Self.event(Self.heartbeat), at: start)
        #expect(watch.interval == .seconds(2))
        #expect(!watch.isOverdue(at: start + .seconds(5)))
        #expect(watch.isOverdue(at: start + .seconds(6)))
        watch.received(try Self.event(Self.lifecycle), at: start + .seconds(5))
        #expect(!watch.isOverdue(at: start + .seconds(10)), "any event is a sign of life")
        #expect(watch.isOverdue(at: start + .seconds(11)))
    }
}
