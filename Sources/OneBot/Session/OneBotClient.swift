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
    /// Request frames to write to the socket, in order.
    public let outgoing: AsyncStream<Data>
    /// How long a call waits for its response unless it says otherwise.
    public let defaultTimeout: Duration

    private let outgoingContinuation: AsyncStream<Data>.Continuation
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

    private struct Waiter {
        let action: String
        let continuation: CheckedContinuation<ActionResponse, any Error>
        let deadline: ContinuousClock.Instant
        let timeout: Duration
    }

    public init(defaultTimeout: Duration = .seconds(30), logger: any BotLogger = SilentLogger()) {
        (outgoing, outgoingContinuation) = AsyncStream.makeStream(bufferingPolicy: .unbounded)
        self.defaultTimeout = defaultTimeout
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
            let matched = state.withLock { state -> (OneBotSession.Received, Waiter?) in
                let received = state.session.match(response)
                guard case .response(let call, _) = received else { return (received, nil) }
                return (received, state.waiters.removeValue(forKey: call.echo))
            }
            switch matched {
            case (.response(_, let response), let waiter):
                waiter?.continuation.resume(returning: response)
            case (.unmatched(let response), _):
                logger.debug("dropped a OneBot response nobody waits for", metadata: ["echo": response.echo ?? "none", "retcode": String(response.retcode)])
            case (.event, _):
                break
            }
        } catch {
            logger.warning("dropped a frame from the OneBot peer", metadata: ["error": String(describing: error), "bytes": String(frame.count)])
        }
        return nil
    }

    /// Fails every waiting call with ``OneBotError/connectionClosed(action:)`` and refuses new ones.
    public func connectionClosed() {
        let failed = state.withLock { state in
            state.timer?.task.cancel()
            state.timer = nil
            return state.session.close().compactMap { call in
                state.waiters.removeValue(forKey: call.echo).map { (call, $0) }
            }
        }
        for (call, waiter) in failed {
            waiter.continuation.resume(throwing: OneBotError.connectionClosed(action: call.action))
        }
        outgoingContinuation.finish()
    }

    /// How many calls await their response.
    public var pendingCalls: Int { state.withLock { $0.session.pendingCount } }

    private func perform<Action: OneBotAction>(_ action: Action, timeout: Duration) async throws -> ActionResponse {
        let echo = try state.withLock { try $0.session.reserveEcho(for: action.action) }
        let call = OneBotSession.Call(echo: echo, action: action.action, frame: try OneBotSession.frame(for: action, echo: echo))
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let deadline = ContinuousClock.now.advanced(by: timeout)
                state.withLock { state in
                    state.session.track(call)
                    state.waiters[call.echo] = Waiter(action: call.action, continuation: continuation, deadline: deadline, timeout: timeout)
                    armTimer(for: deadline, in: &state)
                }
                if case .terminated = outgoingContinuation.yield(call.frame) {
                    fail(call.echo, with: OneBotError.connectionClosed(action: call.action))
                }
            }
        } onCancel: {
            fail(call.echo, with: CancellationError())
        }
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
        let expired = state.withLock { state in
            state.timer = nil
            let due = state.waiters.filter { $0.value.deadline <= now }
            for (echo, _) in due {
                _ = state.session.cancel(echo: echo)
                state.waiters[echo] = nil
            }
            if let next = state.waiters.values.lazy.map(\.deadline).min() { armTimer(for: next, in: &state) }
            return due
        }
        for (_, waiter) in expired {
            waiter.continuation.resume(throwing: OneBotError.timedOut(action: waiter.action, after: waiter.timeout))
        }
    }

    /// Ends the call `echo`, if still waiting, with `error`.
    private func fail(_ echo: String, with error: any Error) {
        let waiter = state.withLock { state in
            _ = state.session.cancel(echo: echo)
            return state.waiters.removeValue(forKey: echo)
        }
        waiter?.continuation.resume(throwing: error)
    }
}
