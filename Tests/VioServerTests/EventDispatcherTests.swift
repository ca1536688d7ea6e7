import Logging
import ServiceLifecycle
import Testing
import VioCore
import VioCoreTesting
import VioTestSupport
@testable import VioServer

/// How ``EventDispatcher`` runs a connection's events: bounded, in order, never blocking the reader.
@Suite struct EventDispatcherTests {
    /// The end-to-end tests' bot (`/ping`, and `/slow`, which waits at `gate`), `limit` events at once.
    static func dispatcher(limit: Int, maxWaiting: Int = 100, gate: Gate) -> EventDispatcher {
        var bot = OneBotEndToEndTests.bot(gate: gate)
        bot.maxConcurrentEvents = limit
        return EventDispatcher(bot: bot, maxWaitingEvents: maxWaiting, logger: .quiet("dispatcher-test"))
    }

    static func event(_ text: String, id: ID = 1) -> BotEvent {
        .message(.test(text: text, messageID: id))
    }

    /// With one slot /ping waits behind /slow; with two, /slow delays nothing.
    @Test(arguments: [
        (limit: 1, whileSlowWaits: [String](), atTheEnd: ["slow done", "pong"]),
        (limit: 2, whileSlowWaits: ["pong"], atTheEnd: ["pong", "slow done"]),
    ])
    func aConnectionRunsAtMostLimitHandlersAtOnce(limit: Int, whileSlowWaits: [String], atTheEnd: [String]) async throws {
        let gate = Gate()
        let actions = RecordingActions()
        try await Self.dispatcher(limit: limit, gate: gate).serve(via: actions) { deliver in
            deliver(Self.event("/slow"))
            deliver(Self.event("/ping", id: 2))
            #expect(actions.sentTexts == whileSlowWaits)
            gate.open()
        }
        #expect(actions.sentTexts == atTheEnd)
    }

    @Test func eventsBeyondTheWaitingLineAreDropped() async throws {
        let gate = Gate()
        let actions = RecordingActions()
        try await Self.dispatcher(limit: 1, maxWaiting: 1, gate: gate).serve(via: actions) { deliver in
            deliver(Self.event("/slow"))
            deliver(Self.event("/ping", id: 2))
            deliver(Self.event("/ping", id: 3))
            gate.open()
        }
        #expect(actions.sentTexts == ["slow done", "pong"])
    }

    @Test func eventsArrivingAfterShutdownBeganAreDropped() async throws {
        let actions = RecordingActions()
        let dispatcher = Self.dispatcher(limit: 4, gate: Gate())
        let group = ServiceGroup(configuration: .init(services: [dispatcher], gracefulShutdownSignals: [], logger: .quiet("dispatcher-test")))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            try await dispatcher.serve(via: actions) { deliver in deliver(Self.event("/ping")) }
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
        try await dispatcher.serve(via: actions) { deliver in deliver(Self.event("/ping", id: 2)) }
        #expect(actions.sentTexts == ["pong"])
    }

    @Test func aThrowingReaderStillLetsItsHandlersFinish() async throws {
        struct ReadFailed: Error {}
        let gate = Gate()
        let actions = RecordingActions()
        await #expect(throws: ReadFailed.self) {
            try await Self.dispatcher(limit: 4, gate: gate).serve(via: actions) { deliver in
                deliver(Self.event("/ping"))
                gate.open()
                throw ReadFailed()
            }
        }
        #expect(actions.sentTexts == ["pong"])
    }
}
