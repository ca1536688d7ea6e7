import Synchronization
import Testing
import VioCore
import VioCoreTesting

@Suite struct MiddlewareTests {
    let actions = RecordingActions()

    /// Records the order middleware and handlers run in.
    final class Trail: Sendable {
        private let steps = Mutex<[String]>([])
        func add(_ step: String) { steps.withLock { $0.append(step) } }
        var all: [String] { steps.withLock { $0 } }
    }

    func bot(_ trail: Trail, stopAt blocked: String? = nil) -> Bot {
        var bot = Bot(services: BotServices(logger: SilentLogger()))
        for name in ["first", "second"] {
            bot.use(ClosureMiddleware { context, next in
                trail.add("\(name) in")
                guard name != blocked else { return }
                try await next(context)
                trail.add("\(name) out")
            })
        }
        bot.command("/ping") { context, _ in
            trail.add("handler")
            try await context.reply("pong")
        }
        return bot
    }

    @Test func middlewareRunsInOrderAroundTheHandler() async {
        let trail = Trail()
        await bot(trail).handle(.message(.test(text: "/ping")), via: actions)
        #expect(trail.all == ["first in", "second in", "handler", "second out", "first out"])
    }

    @Test func middlewareCanStopAMessage() async {
        let trail = Trail()
        await bot(trail, stopAt: "first").handle(.message(.test(text: "/ping")), via: actions)
        #expect(trail.all == ["first in"])
        #expect(actions.actions.isEmpty)
    }

    @Test func middlewareSeesGroupChatterTheHandlersDoNot() async {
        let trail = Trail()
        let chatter = InboundMessage.test(text: "/ping", chat: .group(3), addressed: false)
        await bot(trail).handle(.message(chatter), via: actions)
        #expect(trail.all == ["first in", "second in", "second out", "first out"])
        #expect(actions.actions.isEmpty)
    }
}

@Suite struct RateLimitTests {
    final class ManualInstant: Sendable {
        private let value = Mutex(ContinuousClock.now)
        var now: ContinuousClock.Instant { value.withLock { $0 } }
        func advance(_ duration: Duration) { value.withLock { $0 = $0.advanced(by: duration) } }
    }

    @Test func aBucketAllowsABurstThenRefills() {
        let start = ContinuousClock.now
        var bucket = TokenBucket(capacity: 2, refillInterval: .seconds(10), now: start)
        let taken = [0, 0, 0, 9, 10].map { seconds in bucket.take(at: start.advanced(by: .seconds(seconds))) }
        #expect(taken == [true, true, false, false, true])
        #expect(!bucket.isFull(at: start.advanced(by: .seconds(10))))
        #expect(bucket.isFull(at: start.advanced(by: .seconds(30))))
    }

    func limitedBot(_ clock: ManualInstant, perChat: RateLimitMiddleware.Rate? = nil) -> Bot {
        var bot = Bot(services: BotServices(logger: SilentLogger()))
        bot.use(RateLimitMiddleware(perUser: .init(capacity: 2, refillInterval: .seconds(10)), perChat: perChat,
                                    notice: "slow down", now: { clock.now }))
        bot.fallback { context in try await context.reply("ok") }
        return bot
    }

    @Test func theFirstMessageOverTheLimitIsToldOnceTheRestAreDropped() async {
        let clock = ManualInstant()
        let bot = limitedBot(clock)
        let actions = RecordingActions()
        for _ in 0..<5 { await bot.handle(.message(.test(text: "hi")), via: actions) }
        #expect(actions.sentTexts == ["ok", "ok", "slow down"])
        clock.advance(.seconds(10))
        await bot.handle(.message(.test(text: "hi")), via: actions)
        #expect(actions.sentTexts == ["ok", "ok", "slow down", "ok"])
    }

    @Test func usersHaveBucketsOfTheirOwn() async {
        let bot = limitedBot(ManualInstant())
        let actions = RecordingActions()
        for user: ID in [5, 6, 5, 6, 5] {
            await bot.handle(.message(.test(text: "hi", chat: .private(user), sender: Sender(id: user, displayName: "u"))), via: actions)
        }
        #expect(actions.sentTexts == ["ok", "ok", "ok", "ok", "slow down"])
    }

    @Test func aChatLimitCapsAGroupAcrossUsers() async {
        let bot = limitedBot(ManualInstant(), perChat: .init(capacity: 3, refillInterval: .seconds(60)))
        let actions = RecordingActions()
        for user: ID in [10, 11, 12, 13] {
            await bot.handle(.message(.test(text: "hi", chat: .group(5), sender: Sender(id: user, displayName: "u"), addressed: true)), via: actions)
        }
        #expect(actions.sentTexts == ["ok", "ok", "ok", "slow down"])
    }

    @Test func groupChatterDoesNotSpendTokens() async {
        let bot = limitedBot(ManualInstant())
        let actions = RecordingActions()
        for _ in 0..<10 { await bot.handle(.message(.test(text: "chatter", chat: .group(5), addressed: false)), via: actions) }
        await bot.handle(.message(.test(text: "hi", chat: .group(5), addressed: true)), via: actions)
        #expect(actions.sentTexts == ["ok"])
    }
}
