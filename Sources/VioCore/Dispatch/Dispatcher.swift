import Synchronization

/// Runs a ``Bot`` on the events of every platform connection, and drains them at shutdown.
///
/// Every event a connection delivers runs in its own child task of ``serve(_:)``, so a slow handler
/// never delays the next event and handlers inherit the connection's task executor preference,
/// unless the delivery names its own (``Delivery/preferredExecutor``). At
/// most ``Limits/maxConcurrentEvents`` events of one connection run at once; further ones wait in
/// arrival order, up to ``Limits/maxWaitingEvents``, and beyond that are dropped and logged. The
/// connection itself never waits: a handler that awaits an API response needs it to keep reading.
///
/// ```swift
/// let dispatcher = Dispatcher(bot: bot)
/// try await dispatcher.serve(telegram)          // returns when the connection ends
/// // at shutdown, while connections are still open so replies still go out:
/// let finished = await dispatcher.drain(timeout: .seconds(10))
/// ```
public final class Dispatcher: Sendable {
    /// How much of one connection's work runs and waits at once.
    public struct Limits: Hashable, Sendable {
        /// Events of one connection handled at once.
        public var maxConcurrentEvents: Int
        /// Events of one connection that may wait for a free handler; more are dropped and logged.
        public var maxWaitingEvents: Int

        public init(maxConcurrentEvents: Int = 64, maxWaitingEvents: Int = 10_000) {
            self.maxConcurrentEvents = maxConcurrentEvents
            self.maxWaitingEvents = maxWaitingEvents
        }
    }

    public let bot: Bot
    public let limits: Limits
    /// Told of every event's actions and end, for metrics.
    public let observer: (any DispatchObserver)?
    private let logger: any BotLogger

    private struct Accounting {
        var accepting = true
        /// Events accepted and not yet finished, running or waiting.
        var outstanding = 0
    }
    private let accounting = Mutex(Accounting())
    private let drained: AsyncStream<Void>
    private let drainedInput: AsyncStream<Void>.Continuation

    /// - Parameters:
    ///   - logger: where dropped events are reported; the bot's logger by default.
    ///   - observer: told of each event's actions and end (metrics); none by default.
    public init(bot: Bot, limits: Limits = Limits(), logger: (any BotLogger)? = nil, observer: (any DispatchObserver)? = nil) {
        self.bot = bot
        self.limits = limits
        self.observer = observer
        self.logger = logger ?? bot.services.logger
        (drained, drainedInput) = AsyncStream.makeStream(of: Void.self)
    }

    /// Runs `connection`, handling each event it delivers.
    ///
    /// Returns once the connection has ended and every handler it started has finished. If the
    /// connection throws, its handlers are cancelled and the error is rethrown once they finished.
    public func serve(_ connection: some PlatformConnection) async throws {
        let slots = HandlerSlots(limit: limits.maxConcurrentEvents, maxWaiting: limits.maxWaitingEvents)
        try await withThrowingDiscardingTaskGroup { handlers in
            try await connection.run { delivery in
                guard accept() else {
                    logger.debug("dropped an event that arrived during shutdown", metadata: ["platform": "\(delivery.actions.platform)"])
                    dropped(delivery)
                    return
                }
                var delivery = delivery
                if let observer {
                    delivery.acceptedAt = .now
                    delivery.actions = observer.actions(for: delivery)
                }
                switch slots.admit(delivery) {
                case .start:
                    if #available(macOS 26, *) {
                        handlers.addImmediateTask { await self.work(from: delivery, slots: slots) }
                    } else {
                        handlers.addTask { await self.work(from: delivery, slots: slots) }
                    }
                case .waiting:
                    break
                case .refused:
                    finished()
                    dropped(delivery)
                    logger.warning("dropped an event: too many are waiting for a handler", metadata: [
                        "platform": "\(delivery.actions.platform)", "waiting": "\(slots.maxWaiting)",
                    ])
                }
            }
        }
    }

    /// Stops taking new events: every event delivered from now on is dropped (and logged at debug).
    /// ``drain(timeout:)`` does this first; call it yourself to stop at once and drain later.
    public func stopAccepting() {
        accounting.withLock { $0.accepting = false }
    }

    /// Stops taking new events and waits up to `timeout` for the accepted ones to finish.
    ///
    /// Returns whether they all finished in time. Call it once, at shutdown, before the connections
    /// close: their handlers' replies and API calls still need them.
    public func drain(timeout: Duration) async -> Bool {
        let idle = accounting.withLock { accounting in
            accounting.accepting = false
            return accounting.outstanding == 0
        }
        guard !idle else { return true }
        return await withTaskGroup(of: Bool.self) { group in
            group.addTask { [drained] in
                for await _ in drained {}
                return !Task.isCancelled
            }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return false
            }
            let first = await group.next() ?? false
            group.cancelAll()
            return first
        }
    }

    /// Handles `first`, then whatever waits in `slots`, until none waits.
    private func work(from first: Delivery, slots: HandlerSlots) async {
        var next: Delivery? = first
        while let delivery = next {
            if let executor = delivery.preferredExecutor {
                await withTaskExecutorPreference(executor) { await bot.handle(delivery.event, via: delivery.actions) }
            } else {
                await bot.handle(delivery.event, via: delivery.actions)
            }
            if let observer, let acceptedAt = delivery.acceptedAt {
                observer.handled(delivery.event, on: delivery.actions.platform, in: .now - acceptedAt)
            }
            delivery.onFinished?(.handled)
            finished()
            next = slots.next()
        }
    }

    private func dropped(_ delivery: Delivery) {
        observer?.dropped(delivery.event, on: delivery.actions.platform)
        delivery.onFinished?(.dropped)
    }

    private func accept() -> Bool {
        accounting.withLock { accounting in
            guard accounting.accepting else { return false }
            accounting.outstanding += 1
            return true
        }
    }

    private func finished() {
        let drainedNow = accounting.withLock { accounting in
            accounting.outstanding -= 1
            return !accounting.accepting && accounting.outstanding == 0
        }
        if drainedNow { drainedInput.finish() }
    }
}
