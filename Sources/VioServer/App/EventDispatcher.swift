import Logging
import ServiceLifecycle
import VioCore

/// Hands every event from every connection to the bot, each in its own task, a bounded number at once.
///
/// As a service it shuts down first (it is listed after the server): on SIGTERM it stops taking new
/// events, lets the handlers in flight finish — their connections are still open, so their replies
/// and API calls still work — for at most `drainTimeout`, and only then lets the server close sockets.
struct EventDispatcher: Service {
    let bot: Bot
    var drainTimeout: Duration = .seconds(10)
    let logger: Logger
    private let deliveries: AsyncStream<Delivery>
    private let input: AsyncStream<Delivery>.Continuation

    init(bot: Bot, logger: Logger) {
        self.bot = bot
        self.logger = logger
        (deliveries, input) = AsyncStream.makeStream(of: Delivery.self)
    }

    /// Queues an event; never blocks the connection that read it. Dropped once shutdown has begun.
    func deliver(_ event: BotEvent, via actions: any ChatActions) {
        if case .terminated = input.yield(Delivery(event, via: actions)) {
            logger.debug("dropped an event that arrived during shutdown", metadata: ["platform": "\(actions.platform)"])
        }
    }

    func run() async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await bot.run(deliveries) }
            group.addTask { [input, drainTimeout, logger] in
                // Sleeps until shutdown begins, then gives the handlers in flight their grace period.
                try? await gracefulShutdown()
                input.finish()
                try await Task.sleep(for: drainTimeout)
                logger.warning("handlers still running after the shutdown grace period; cancelling them",
                               metadata: ["grace": "\(drainTimeout)"])
            }
            _ = try await group.next()
            group.cancelAll()
        }
    }
}
