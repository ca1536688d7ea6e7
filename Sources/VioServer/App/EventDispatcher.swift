import Logging
import ServiceLifecycle
import Synchronization
import VioCore

/// Runs the bot on the events of every connection, and drains them at shutdown.
///
/// A connection hands its reading loop to ``serve(via:read:)``. Every event the loop delivers runs in
/// its own child task of that call, so handlers share the connection's executor (see
/// ``EventLoopTaskExecutor``) and a slow handler never delays the next event. At most
/// `bot.maxConcurrentEvents` events of one connection run at once; further ones wait in order. The
/// reader itself never waits: a handler that awaits an API response needs it to keep reading.
///
/// As a service it shuts down first (it is listed after the server): on SIGTERM it stops accepting
/// events and gives the accepted ones `drainTimeout` to finish while their connections are still
/// open, so their replies and API calls still work; only then does the server close the sockets.
final class EventDispatcher: Service, Sendable {
    let bot: Bot
    let drainTimeout: Duration
    /// Events of one connection that may wait for a free handler; more are dropped and logged.
    let maxWaitingEvents: Int
    let logger: Logger

    private struct Accounting {
        var accepting = true
        /// Events accepted and not yet finished, running or waiting.
        var outstanding = 0
    }
    private let accounting = Mutex(Accounting())
    private let drained: AsyncStream<Void>
    private let drainedInput: AsyncStream<Void>.Continuation

    init(bot: Bot, drainTimeout: Duration = .seconds(10), maxWaitingEvents: Int = 10_000, logger: Logger) {
        self.bot = bot
        self.drainTimeout = drainTimeout
        self.maxWaitingEvents = maxWaitingEvents
        self.logger = logger
        (drained, drainedInput) = AsyncStream.makeStream(of: Void.self)
    }

    /// Serves one connection: `read` is its reading loop and hands every event it reads to `deliver`.
    ///
    /// Returns once `read` has returned and every handler it started has finished; if `read` throws,
    /// the handlers are cancelled and the error is rethrown once they have finished.
    func serve(via actions: any ChatActions, read: (_ deliver: (BotEvent) -> Void) async throws -> Void) async throws {
        let queue = HandlerQueue(limit: max(bot.maxConcurrentEvents, 1), maxWaiting: maxWaitingEvents)
        try await withThrowingDiscardingTaskGroup { handlers in
            try await read { event in
                guard accept() else {
                    logger.debug("dropped an event that arrived during shutdown", metadata: ["platform": "\(actions.platform)"])
                    return
                }
                switch queue.admit(event) {
                case .start:
                    if #available(macOS 26, *) {
                        handlers.addImmediateTask { await self.work(from: event, queue: queue, via: actions) }
                    } else {
                        handlers.addTask { await self.work(from: event, queue: queue, via: actions) }
                    }
                case .waiting:
                    break
                case .refused:
                    finished()
                    logger.warning("dropped an event: too many are waiting for a handler",
                                   metadata: ["platform": "\(actions.platform)", "waiting": "\(maxWaitingEvents)"])
                }
            }
        }
    }

    /// Handles `first`, then whatever waits in `queue`, until it is empty.
    private func work(from first: BotEvent, queue: HandlerQueue, via actions: any ChatActions) async {
        var next: BotEvent? = first
        while let event = next {
            await bot.handle(event, via: actions)
            finished()
            next = queue.next()
        }
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

    func run() async throws {
        // Sleeps until shutdown begins, then gives the accepted events their grace period.
        try? await gracefulShutdown()
        let idle = accounting.withLock { accounting in
            accounting.accepting = false
            return accounting.outstanding == 0
        }
        guard !idle else { return }
        let finishedInTime = await withTaskGroup(of: Bool.self) { group in
            group.addTask { [drained] in
                for await _ in drained {}
                return !Task.isCancelled
            }
            group.addTask { [drainTimeout] in
                try? await Task.sleep(for: drainTimeout)
                return false
            }
            let first = await group.next() ?? false
            group.cancelAll()
            return first
        }
        if !finishedInTime {
            logger.warning("handlers still running after the shutdown grace period; closing their connections",
                           metadata: ["grace": "\(drainTimeout)"])
        }
    }
}
