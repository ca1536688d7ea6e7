import Foundation
import Synchronization
import VioCore

/// One OneBot connection's calls, over any socket: drives a ``OneBotSession`` with a lock, a
/// continuation per caller and one timer for every deadline.
///
/// Feed it every incoming frame with ``receive(_:)``; call ``connectionClosed()`` when the socket
/// closes. Calls may run concurrently from any task; each writes its own frame with `write` and
/// waits for its own response, up to its timeout. ``OneBotConnection`` does all of this for a socket.
///
/// ```swift
/// let client = OneBotClient { frame in try await socket.write(frame) }
/// Task {
///     let info = try await client.call(GetLoginInfo())
///     print("logged in as", info.nickname)
/// }
/// for try await frame in socket.frames {
///     if let event = client.receive(frame) { handle(event) }
/// }
/// client.connectionClosed()
/// ```
public final class OneBotClient: OneBotCaller {
    /// How long a call waits for its response unless it says otherwise.
    public let defaultTimeout: Duration

    private typealias Waiter = CheckedContinuation<ActionResponse, any Error>
    private let write: @Sendable (Data) async throws -> Void
    private let logger: any BotLogger
    /// Guarded by a lock rather than an actor: frames are read and calls made without a hop.
    private let state = Mutex(State())

    private struct State: ~Copyable {
        var session = OneBotSession<Waiter>()
        /// One timer for all calls, sleeping until the earliest deadline: a task per call would cost
        /// more than the rest of a call together.
        var timer: Task<Void, Never>?
    }

    /// - Parameter write: sends a request frame on the socket, from the calling task.
    public init(defaultTimeout: Duration = .seconds(30), logger: any BotLogger = SilentLogger(), write: @escaping @Sendable (Data) async throws -> Void) {
        self.defaultTimeout = defaultTimeout
        self.write = write
        self.logger = logger
    }

    /// Performs `action` and returns its typed response.
    ///
    /// Throws ``OneBotError/actionFailed(action:retcode:message:)`` when the peer refuses,
    /// ``OneBotError/timedOut(action:after:)`` when it does not answer in time and
    /// ``OneBotError/connectionClosed(action:)`` when the connection is or goes down.
    public func call<Action: OneBotAction>(_ action: Action, timeout: Duration?) async throws -> Action.Response {
        let response = try await perform(action, timeout: timeout ?? defaultTimeout)
        return try response.result(for: action)
    }

    /// Reads one incoming frame: returns it if it is an event; completes the waiting call if it is a
    /// response. Malformed frames and responses nobody waits for are logged and dropped.
    public func receive(_ frame: Data) -> OneBotEvent? {
        let response: ActionResponse
        do {
            switch try OneBotFrame.read(frame) {
            case .event(let event): return event
            case .response(let read): response = read
            }
        } catch {
            logger.warning("dropped a frame from the OneBot peer", metadata: ["error": String(describing: error), "bytes": String(frame.count)])
            return nil
        }
        switch state.withLock({ $0.session.receive(response) }) {
        case .resume(let waiter, let response):
            waiter.resume(returning: response)
        case .unmatched(let response):
            logger.debug("dropped a OneBot response nobody waits for", metadata: ["echo": response.echo ?? "none", "retcode": String(response.retcode)])
        case .kept:
            break
        }
        return nil
    }

    /// Fails every waiting call with ``OneBotError/connectionClosed(action:)`` and refuses new ones.
    public func connectionClosed() {
        let failed = state.withLock { state in
            state.timer?.cancel()
            state.timer = nil
            return state.session.close()
        }
        for (waiter, error) in failed { waiter.resume(throwing: error) }
    }

    /// How many calls await their response.
    public var pendingCalls: Int { state.withLock { $0.session.pendingCount } }

    private func perform<Action: OneBotAction>(_ action: Action, timeout: Duration) async throws -> ActionResponse {
        let started = try state.withLock { state in
            let started = try state.session.call(action, timeout: timeout, now: .now)
            if let wake = started.wakeAt { armTimer(for: wake, in: &state) }
            return started
        }
        let echo = started.call.echo
        return try await withTaskCancellationHandler {
            do {
                try await write(started.frame)
            } catch {
                state.withLock { $0.session.writeFailed(echo) }
                throw error is OneBotError || error is CancellationError ? error : OneBotError.connectionClosed(action: action.action)
            }
            return try await withCheckedThrowingContinuation { waiter in
                if let outcome = state.withLock({ $0.session.wait(echo, with: waiter) }) { waiter.resume(with: outcome) }
            }
        } onCancel: {
            state.withLock { $0.session.cancel(echo) }?.resume(throwing: CancellationError())
        }
    }

    /// Sets the timer to wake at `deadline`, replacing a later one.
    private func armTimer(for deadline: ContinuousClock.Instant, in state: inout State) {
        state.timer?.cancel()
        state.timer = Task { [weak self] in
            guard (try? await Task.sleep(until: deadline, clock: .continuous)) != nil else { return }
            self?.expireDueCalls()
        }
    }

    /// Fails every call past its deadline, then sleeps until the next deadline.
    private func expireDueCalls() {
        let expiry = state.withLock { state in
            state.timer = nil
            let expiry = state.session.tick(now: .now)
            if let next = expiry.nextWake { armTimer(for: next, in: &state) }
            return expiry
        }
        for (waiter, error) in expiry.failed { waiter.resume(throwing: error) }
    }
}
