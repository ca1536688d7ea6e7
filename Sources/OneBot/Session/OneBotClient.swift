import Foundation
import Synchronization
import VioCore

/// One OneBot connection's calls and events, over any socket.
///
/// Feed it every incoming text frame with ``receive(_:)``; write every frame of ``outgoing`` to
/// the socket; call ``connectionClosed()`` when the socket closes. Calls may run concurrently
/// from any task; each waits for its own response, up to its timeout.
///
/// ```swift
/// let client = OneBotClient()
/// Task { for await frame in client.outgoing { try await socket.write(frame) } }
/// Task {
///     let info = try await client.call(GetLoginInfo())
///     print("logged in as", info.nickname)
/// }
/// for try await frame in socket.frames {
///     if let event = client.receive(frame) { handle(event) }
/// }
/// client.connectionClosed()
/// ```
public final class OneBotClient: Sendable {
    /// Request frames to write to the socket, in order; empty when the client was made with a
    /// `write` function, which then sends them instead.
    public let outgoing: AsyncStream<Data>
    /// How long a call waits for its response unless it says otherwise.
    public let defaultTimeout: Duration

    private let outgoingContinuation: AsyncStream<Data>.Continuation
    private let write: (@Sendable (Data) async throws -> Void)?
    private let logger: any BotLogger
    /// Guarded by a lock rather than an actor: frames are read and calls made without a hop.
    private let state = Mutex(State())

    private struct State: ~Copyable {
        var session = OneBotSession()
        var waiters: [String: Waiter] = [:]
        /// One timer for all calls, sleeping until the earliest deadline: a task per call would
        /// cost more than the rest of a call together.
        var timer: (task: Task<Void, Never>, deadline: ContinuousClock.Instant)?
    }

    /// A call between sending its frame and handing its caller the outcome.
    private struct Waiter {
        enum Progress {
            /// Waiting for the response; no continuation yet while the frame is being written.
            case awaiting(CheckedContinuation<ActionResponse, any Error>?)
            /// Answered (or failed) before the caller started waiting.
            case settled(Result<ActionResponse, any Error>)
        }

        let action: String
        let deadline: ContinuousClock.Instant
        let timeout: Duration
        var progress: Progress = .awaiting(nil)
    }

    /// - Parameters:
    ///   - write: sends a request frame on the socket from the calling task. Without it, frames
    ///     go to ``outgoing`` for a writer task of yours; with it, each call saves that hand-off.
    public init(
        defaultTimeout: Duration = .seconds(30), logger: any BotLogger = SilentLogger(),
        write: (@Sendable (Data) async throws -> Void)? = nil
    ) {
        (outgoing, outgoingContinuation) = AsyncStream.makeStream(bufferingPolicy: .unbounded)
        if write != nil { outgoingContinuation.finish() }
        self.defaultTimeout = defaultTimeout
        self.write = write
        self.logger = logger
    }

    /// Performs `action` and returns its typed response.
    ///
    /// Throws ``OneBotError/actionFailed(action:retcode:message:)`` when the peer refuses,
    /// ``OneBotError/timedOut(action:after:)`` when it does not answer in time and
    /// ``OneBotError/connectionClosed(action:)`` when the connection is or goes down.
    public func call<Action: OneBotAction>(_ action: Action, timeout: Duration? = nil) async throws -> Action.Response {
        let response = try await perform(action, timeout: timeout ?? defaultTimeout)
        return try response.result(for: action)
    }

    /// Calls any action by name; see ``RawAction``.
    public func call(_ action: String, params: JSONValue = [:], timeout: Duration? = nil) async throws -> JSONValue {
        try await call(RawAction(action, params: params), timeout: timeout)
    }

    /// Reads one incoming frame: returns it if it is an event; completes the waiting call if it is a
    /// response. Malformed frames and responses nobody waits for are logged and dropped.
    public func receive(_ frame: Data) -> OneBotEvent? {
        do {
            let response: ActionResponse
            switch try OneBotSession.read(frame) {
            case .event(let event): return event
            case .response(let read): response = read
            }
            let matched = state.withLock { $0.session.match(response) }
            switch matched {
            case .response(let call, let response):
                settle(call.echo, with: .success(response))
            case .unmatched(let response):
                logger.debug("dropped a OneBot response nobody waits for", metadata: ["echo": response.echo ?? "none", "retcode": String(response.retcode)])
            case .event:
                break
            }
        } catch {
            logger.warning("dropped a frame from the OneBot peer", metadata: ["error": String(describing: error), "bytes": String(frame.count)])
        }
        return nil
    }

    /// Fails every waiting call with ``OneBotError/connectionClosed(action:)`` and refuses new ones.
    public func connectionClosed() {
        let closed = state.withLock { state in
            state.timer?.task.cancel()
            state.timer = nil
            return state.session.close()
        }
        for call in closed {
            settle(call.echo, with: .failure(OneBotError.connectionClosed(action: call.action)))
        }
        outgoingContinuation.finish()
    }

    /// How many calls await their response.
    public var pendingCalls: Int { state.withLock { $0.session.pendingCount } }

    private func perform<Action: OneBotAction>(_ action: Action, timeout: Duration) async throws -> ActionResponse {
        let echo = try state.withLock { try $0.session.reserveEcho(for: action.action) }
        let call = OneBotSession.Call(echo: echo, action: action.action, frame: try OneBotSession.frame(for: action, echo: echo))
        let deadline = ContinuousClock.now.advanced(by: timeout)
        state.withLock { state in
            state.session.track(call)
            state.waiters[echo] = Waiter(action: call.action, deadline: deadline, timeout: timeout)
            armTimer(for: deadline, in: &state)
        }
        return try await withTaskCancellationHandler {
            do {
                if let write {
                    try await write(call.frame)
                } else if case .terminated = outgoingContinuation.yield(call.frame) {
                    throw OneBotError.connectionClosed(action: call.action)
                }
            } catch {
                settle(echo, with: .failure(error is OneBotError ? error : OneBotError.connectionClosed(action: call.action)))
            }
            return try await withCheckedThrowingContinuation { continuation in
                let outcome = state.withLock { state -> Result<ActionResponse, any Error>? in
                    guard var waiter = state.waiters[echo] else { return .failure(CancellationError()) }
                    if case .settled(let outcome) = waiter.progress {
                        state.waiters[echo] = nil
                        return outcome
                    }
                    waiter.progress = .awaiting(continuation)
                    state.waiters[echo] = waiter
                    return nil
                }
                if let outcome { continuation.resume(with: outcome) }
            }
        } onCancel: {
            settle(echo, with: .failure(CancellationError()))
        }
    }

    /// Ends the call `echo` with `outcome`: resumes its caller if it waits, or keeps the outcome for
    /// it if its frame is still being written. Later outcomes for the same call are ignored.
    private func settle(_ echo: String, with outcome: Result<ActionResponse, any Error>) {
        let continuation = state.withLock { state -> CheckedContinuation<ActionResponse, any Error>? in
            _ = state.session.cancel(echo: echo)
            guard var waiter = state.waiters[echo], case .awaiting(let continuation) = waiter.progress else { return nil }
            if let continuation {
                state.waiters[echo] = nil
                return continuation
            }
            waiter.progress = .settled(outcome)
            state.waiters[echo] = waiter
            return nil
        }
        continuation?.resume(with: outcome)
    }

    /// Makes sure the timer wakes by `deadline`; a timer already due earlier is left alone.
    private func armTimer(for deadline: ContinuousClock.Instant, in state: inout State) {
        if let timer = state.timer, timer.deadline <= deadline { return }
        state.timer?.task.cancel()
        let task = Task { [weak self] in
            guard (try? await Task.sleep(until: deadline, clock: .continuous)) != nil else { return }
            self?.expireDueCalls()
        }
        state.timer = (task, deadline)
    }

    /// Fails every call past its deadline, then sleeps until the next deadline.
    private func expireDueCalls() {
        let now = ContinuousClock.now
        let due = state.withLock { state in
            state.timer = nil
            let due = state.waiters.filter { $0.value.deadline <= now }
            let next = state.waiters.values.lazy.filter { $0.deadline > now }.map(\.deadline).min()
            if let next { armTimer(for: next, in: &state) }
            return due
        }
        for (echo, waiter) in due {
            settle(echo, with: .failure(OneBotError.timedOut(action: waiter.action, after: waiter.timeout)))
        }
    }
}
