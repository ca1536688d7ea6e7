import Testing
import VioCore
import VioCoreTesting

@Suite struct ConcurrentDispatchTests {
    /// A bot whose `/slow` waits at `gate` and whose `/ping` answers at once.
    func bot(gate: Gate, started: AsyncStream<String>.Continuation, limit: Int = 64) -> Bot {
        var bot = Bot(services: BotServices(logger: SilentLogger()), maxConcurrentEvents: limit)
        bot.command("/slow") { context, _ in
            started.yield("slow")
            await gate.wait()
            try await context.reply("slow done")
        }
        bot.command("/ping") { context, _ in
            started.yield("ping")
            try await context.reply("pong")
        }
        return bot
    }

    @Test func aSlowHandlerDoesNotDelayTheNextEvent() async {
        let gate = Gate()
        let (started, startedInput) = AsyncStream.makeStream(of: String.self)
        let (deliveries, input) = AsyncStream.makeStream(of: Delivery.self)
        let actions = RecordingActions()
        let bot = bot(gate: gate, started: startedInput)

        async let finished: Void = bot.run(deliveries)
        input.yield(Delivery(.message(.test(text: "/slow")), via: actions))
        input.yield(Delivery(.message(.test(text: "/ping")), via: actions))

        var seen: [String] = []
        for await name in started {
            seen.append(name)
            if seen.count == 2 { break }
        }
        // Both handlers started while /slow still waits at the closed gate.
        #expect(Set(seen) == ["slow", "ping"])
        gate.open()
        input.finish()
        await finished
        #expect(Set(actions.sentTexts) == ["pong", "slow done"])
    }

    @Test func noMoreThanTheLimitRunAtOnce() async {
        let gate = Gate()
        let (started, startedInput) = AsyncStream.makeStream(of: String.self)
        let (deliveries, input) = AsyncStream.makeStream(of: Delivery.self)
        let actions = RecordingActions()
        let bot = bot(gate: gate, started: startedInput, limit: 1)

        async let finished: Void = bot.run(deliveries)
        input.yield(Delivery(.message(.test(text: "/slow")), via: actions))
        input.yield(Delivery(.message(.test(text: "/ping")), via: actions))
        var iterator = started.makeAsyncIterator()
        #expect(await iterator.next() == "slow")
        // With a limit of one, /ping may only start after /slow has finished.
        gate.open()
        #expect(await iterator.next() == "ping")
        input.finish()
        await finished
        #expect(actions.sentTexts == ["slow done", "pong"])
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
