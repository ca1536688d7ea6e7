import Dispatch
import Synchronization
import Testing
import VioCore
import VioCoreTesting

/// A connection that delivers what its script says, then ends (or throws).
struct ScriptedConnection: PlatformConnection {
    let actions: any ChatActions
    let script: (_ deliver: (String) -> Void) async throws -> Void

    func run(deliver: (Delivery) -> Void) async throws {
        var number: Int64 = 0
        try await script { text in
            number += 1
            deliver(Delivery(.message(.test(text: text, messageID: ID(number))), via: actions))
        }
    }
}

/// How ``Dispatcher`` runs a connection's events: bounded, in order, never blocking the reader, drained at shutdown.
@Suite struct DispatcherTests {
    /// A bot whose `/slow` waits at `gate`, and whose other commands answer their name at once.
    static func bot(gate: Gate) -> Bot {
        var bot = Bot(services: BotServices(logger: SilentLogger()))
        bot.command("/slow") { context, _ in
            await gate.wait()
            try await context.reply("slow done")
        }
        for name in ["/ping", "/a", "/b", "/c"] {
            bot.command(name) { context, _ in try await context.reply(OutgoingMessage(stringLiteral: name == "/ping" ? "pong" : name)) }
        }
        return bot
    }

    static func dispatcher(limit: Int = 64, maxWaiting: Int = 100, gate: Gate) -> Dispatcher {
        Dispatcher(bot: bot(gate: gate), limits: .init(maxConcurrentEvents: limit, maxWaitingEvents: maxWaiting))
    }

    /// With one slot /ping waits behind /slow; with two, /slow delays nothing.
    @Test(arguments: [
        (limit: 1, whileSlowWaits: [String](), atTheEnd: ["slow done", "pong"]),
        (limit: 2, whileSlowWaits: ["pong"], atTheEnd: ["pong", "slow done"]),
    ])
    func aConnectionRunsAtMostLimitHandlersAtOnce(limit: Int, whileSlowWaits: [String], atTheEnd: [String]) async throws {
        let gate = Gate()
        let actions = RecordingActions()
        try await Self.dispatcher(limit: limit, gate: gate).serve(ScriptedConnection(actions: actions) { deliver in
            deliver("/slow")
            deliver("/ping")
            #expect(actions.sentTexts == whileSlowWaits)
            gate.open()
        })
        #expect(actions.sentTexts == atTheEnd)
    }

    @Test func waitingEventsRunInArrivalOrder() async throws {
        let gate = Gate()
        let actions = RecordingActions()
        try await Self.dispatcher(limit: 1, gate: gate).serve(ScriptedConnection(actions: actions) { deliver in
            for text in ["/slow", "/a", "/b", "/c"] { deliver(text) }
            gate.open()
        })
        #expect(actions.sentTexts == ["slow done", "/a", "/b", "/c"])
    }

    @Test func eventsBeyondTheWaitingLineAreDroppedAndTheReaderGoesOn() async throws {
        let gate = Gate()
        let actions = RecordingActions()
        var delivered = 0
        try await Self.dispatcher(limit: 1, maxWaiting: 1, gate: gate).serve(ScriptedConnection(actions: actions) { deliver in
            for text in ["/slow", "/a", "/b", "/c"] {
                deliver(text)
                delivered += 1
            }
            gate.open()
        })
        #expect(delivered == 4, "delivering never blocked")
        #expect(actions.sentTexts == ["slow done", "/a"])
    }

    @Test func aThrowingConnectionStillLetsItsHandlersFinishThenRethrows() async throws {
        struct ReadFailed: Error {}
        let gate = Gate()
        let actions = RecordingActions()
        await #expect(throws: ReadFailed.self) {
            try await Self.dispatcher(gate: gate).serve(ScriptedConnection(actions: actions) { deliver in
                deliver("/ping")
                gate.open()
                throw ReadFailed()
            })
        }
        #expect(actions.sentTexts == ["pong"])
    }

    @Test func afterShutdownBeganNewEventsAreDroppedAndAcceptedOnesFinish() async throws {
        let gate = Gate()
        let actions = RecordingActions()
        let dispatcher = Self.dispatcher(gate: gate)
        try await dispatcher.serve(ScriptedConnection(actions: actions) { deliver in
            deliver("/slow")
            dispatcher.stopAccepting()
            deliver("/ping")
            async let drained = dispatcher.drain(timeout: .seconds(60))
            gate.open()
            #expect(await drained)
            #expect(actions.sentTexts == ["slow done"], "the accepted event finished before the drain returned")
        })
        try await dispatcher.serve(ScriptedConnection(actions: actions) { deliver in deliver("/ping") })
        #expect(actions.sentTexts == ["slow done"], "a connection served after the drain delivers nothing")
    }

    @Test func everyDeliveryHearsOnceWhetherItWasHandledOrDropped() async throws {
        let gate = Gate()
        let actions = RecordingActions()
        let outcomes = Mutex<[String: Delivery.Outcome]>([:])
        let sentWhenSlowFinished = Mutex<[String]?>(nil)
        let dispatcher = Self.dispatcher(limit: 1, maxWaiting: 1, gate: gate)
        struct Deliveries: PlatformConnection {
            let actions: RecordingActions
            let script: (_ deliver: (String, @escaping @Sendable (Delivery.Outcome) -> Void) -> Void) async -> Void

            func run(deliver: (Delivery) -> Void) async throws {
                await script { text, onFinished in
                    deliver(Delivery(.message(.test(text: text)), via: actions, onFinished: onFinished))
                }
            }
        }
        try await dispatcher.serve(Deliveries(actions: actions) { deliver in
            for text in ["/slow", "/a", "/b"] {
                deliver(text) { outcome in
                    if text == "/slow" { sentWhenSlowFinished.withLock { $0 = actions.sentTexts } }
                    outcomes.withLock { $0[text] = outcome }
                }
            }
            gate.open()
            _ = await dispatcher.drain(timeout: .seconds(60))
            deliver("/c") { outcome in outcomes.withLock { $0["/c"] = outcome } }
        })
        #expect(outcomes.withLock { $0 } == ["/slow": .handled, "/a": .handled, "/b": .dropped, "/c": .dropped],
                "/b found the waiting line full; /c came after shutdown")
        #expect(sentWhenSlowFinished.withLock { $0 } == ["slow done"], "handled means the handler's replies went out")
    }

    @Test func drainGivesUpAfterItsTimeout() async throws {
        let gate = Gate()
        let actions = RecordingActions()
        let dispatcher = Self.dispatcher(gate: gate)
        try await dispatcher.serve(ScriptedConnection(actions: actions) { deliver in
            deliver("/slow")
            // /slow waits at its shut gate, so the drain gives up.
            #expect(await dispatcher.drain(timeout: .milliseconds(20)) == false)
            gate.open()
        })
        #expect(actions.sentTexts == ["slow done"])
    }

    @Test func anIdleDispatcherDrainsAtOnce() async {
        #expect(await Self.dispatcher(gate: Gate()).drain(timeout: .seconds(60)))
    }

    @Test func handlersCanActConcurrently() async throws {
        var bot = Bot(services: BotServices(logger: SilentLogger()))
        bot.command("/many") { context, _ in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<20 { group.addTask { try await context.send(to: .private(ID(Int64(index))), "hi") } }
                try await group.waitForAll()
            }
        }
        let actions = RecordingActions()
        await bot.handle(.message(.test(text: "/many")), via: actions)
        #expect(actions.actions.count == 20)
    }
}

/// A task executor running every job on its own serial queue, which a job can recognise.
final class QueueExecutor: TaskExecutor {
    private let queue = DispatchQueue(label: "queue-executor")
    private let key = DispatchSpecificKey<Bool>()

    init() {
        queue.setSpecific(key: key, value: true)
    }

    /// Whether the caller runs on this executor's queue.
    var isCurrent: Bool { DispatchQueue.getSpecific(key: key) == true }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}

@Suite struct PreferredExecutorTests {
    @Test func aDeliveryThatNamesAnExecutorIsHandledThereOthersWhereTheConnectionRuns() async throws {
        let executor = QueueExecutor()
        let seen = Mutex<[String: Bool]>([:])
        var bot = Bot(services: BotServices(logger: SilentLogger()))
        bot.fallback { context in
            seen.withLock { $0[context.message.text] = executor.isCurrent }
        }
        let actions = RecordingActions()
        struct TwoEvents: PlatformConnection {
            let executor: QueueExecutor
            let actions: RecordingActions
            func run(deliver: (Delivery) -> Void) async throws {
                deliver(Delivery(.message(.test(text: "heavy")), via: actions, preferredExecutor: executor))
                deliver(Delivery(.message(.test(text: "light", messageID: 2)), via: actions))
            }
        }
        try await Dispatcher(bot: bot).serve(TwoEvents(executor: executor, actions: actions))
        #expect(seen.withLock { $0 } == ["heavy": true, "light": false])
    }
}
