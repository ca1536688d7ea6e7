import ServiceLifecycle
import Synchronization

/// Deadlines for work that must finish within a time even when what it awaits ignores
/// cancellation (a query on a connection that went silent): the caller gets ``Exceeded`` once the
/// deadline passes, and the work is cancelled and left to end on its own.
///
/// One watch serves every operation: ``watch()`` looks for overdue work once a ``tick``, so an
/// operation costs a table entry, not a timer of its own (a timer per query cost the database path
/// more than a tenth of its CPU). A deadline is kept to within a tick.
///
/// ```swift
/// let deadlines = Deadlines()   // and run it as a service: it is the watch
/// let rows = try await deadlines.run(within: .seconds(5)) { try await client.query("SELECT 1") }
/// ```
final class Deadlines: Service {
    /// The work did not finish in time.
    struct Exceeded: Error, CustomStringConvertible {
        let limit: Duration
        var description: String { "no answer within \(limit)" }
    }

    private struct Watched {
        let due: ContinuousClock.Instant
        let expire: @Sendable () -> Void
    }

    private struct State {
        var nextID: UInt64 = 0
        var watched: [UInt64: Watched] = [:]
    }

    /// How often overdue work is looked for.
    let tick: Duration
    private let state = Mutex(State())

    init(tick: Duration = .milliseconds(100)) {
        self.tick = tick
    }

    /// Runs `work`; throws ``Exceeded`` once `limit` has passed without its result (give or take a tick).
    func run<Value: Sendable>(within limit: Duration, _ work: @escaping @Sendable () async throws -> Value) async throws -> Value {
        let outcome = Outcome<Value>()
        let due = ContinuousClock.now + limit
        let id = state.withLock { state in
            defer { state.nextID += 1 }
            state.watched[state.nextID] = Watched(due: due) { outcome.finish(.failure(Exceeded(limit: limit))) }
            return state.nextID
        }
        defer { _ = state.withLock { $0.watched.removeValue(forKey: id) } }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                outcome.start(continuation)
                let worker = Task {
                    do { outcome.finish(.success(try await work())) } catch { outcome.finish(.failure(error)) }
                }
                outcome.onFinish { worker.cancel() }
            }
        } onCancel: {
            outcome.finish(.failure(CancellationError()))
        }
    }

    /// Watches until shutdown.
    func run() async throws {
        await cancelWhenGracefulShutdown { await self.watch() }
    }

    /// Expires overdue work once a tick, until cancelled.
    func watch() async {
        while (try? await Task.sleep(for: tick)) != nil {
            let now = ContinuousClock.now
            let overdue = state.withLock { state in
                state.watched.values.filter { $0.due <= now }.map(\.expire)
            }
            for expire in overdue { expire() }
        }
    }

    /// The first result of the work, the watch or cancellation, delivered once.
    private final class Outcome<Value: Sendable>: Sendable {
        private struct State {
            var continuation: CheckedContinuation<Value, any Error>?
            var result: Result<Value, any Error>?
            var cleanup: (@Sendable () -> Void)?
        }

        private let state = Mutex(State())

        func start(_ continuation: CheckedContinuation<Value, any Error>) {
            let early = state.withLock { state -> Result<Value, any Error>? in
                if let result = state.result { return result }
                state.continuation = continuation
                return nil
            }
            if let early { continuation.resume(with: early) }
        }

        func onFinish(_ cleanup: @escaping @Sendable () -> Void) {
            let finished = state.withLock { state -> Bool in
                if state.result != nil { return true }
                state.cleanup = cleanup
                return false
            }
            if finished { cleanup() }
        }

        func finish(_ result: Result<Value, any Error>) {
            let (continuation, cleanup) = state.withLock { state -> (CheckedContinuation<Value, any Error>?, (@Sendable () -> Void)?) in
                guard state.result == nil else { return (nil, nil) }
                state.result = result
                defer { state.continuation = nil; state.cleanup = nil }
                return (state.continuation, state.cleanup)
            }
            continuation?.resume(with: result)
            cleanup?()
        }
    }
}
