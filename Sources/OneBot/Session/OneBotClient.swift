import Foundation
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
///     if let event = await client.receive(frame) { handle(event) }
/// }
/// await client.connectionClosed()
/// ```
public actor OneBotClient {
    /// Request frames to write to the socket, in order.
    public nonisolated let outgoing: AsyncStream<Data>
    /// How long a call waits for its response unless it says otherwise.
    public nonisolated let defaultTimeout: Duration

    private let outgoingContinuation: AsyncStream<Data>.Continuation
    private let logger: any BotLogger
    private var session = OneBotSession()
    private var waiters: [String: Waiter] = [:]

    private struct Waiter {
        let continuation: CheckedContinuation<ActionResponse, any Error>
        let timeout: Task<Void, Never>
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
    public nonisolated func call<Action: OneBotAction>(_ action: Action, timeout: Duration? = nil) async throws -> Action.Response {
        let response = try await perform(action, timeout: timeout ?? defaultTimeout)
        return try response.result(for: action)
    }

    /// Calls any action by name; see ``RawAction``.
    public nonisolated func call(_ action: String, params: JSONValue = [:], timeout: Duration? = nil) async throws -> JSONValue {
        try await call(RawAction(action, params: params), timeout: timeout)
    }

    /// Reads one incoming frame: returns it if it is an event; completes the waiting call if it is a
    /// response. Malformed frames and responses nobody waits for are logged and dropped.
    public func receive(_ frame: Data) -> OneBotEvent? {
        do {
            switch try session.receive(frame) {
            case .event(let event):
                return event
            case .response(let call, let response):
                waiters.removeValue(forKey: call.echo).map { waiter in
                    waiter.timeout.cancel()
                    waiter.continuation.resume(returning: response)
                }
            case .unmatched(let response):
                logger.debug("dropped a OneBot response nobody waits for", metadata: ["echo": response.echo ?? "none", "retcode": String(response.retcode)])
            }
        } catch {
            logger.warning("dropped a frame from the OneBot peer", metadata: ["error": String(describing: error), "bytes": String(frame.count)])
        }
        return nil
    }

    /// Fails every waiting call with ``OneBotError/connectionClosed(action:)`` and refuses new ones.
    public func connectionClosed() {
        for call in session.close() {
            fail(call, with: OneBotError.connectionClosed(action: call.action))
        }
        outgoingContinuation.finish()
    }

    /// How many calls await their response.
    public var pendingCalls: Int { session.pendingCount }

    private func perform<Action: OneBotAction>(_ action: Action, timeout: Duration) async throws -> ActionResponse {
        let call = try session.start(action)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let timer = Task { [weak self] in
                    guard (try? await Task.sleep(for: timeout)) != nil else { return }
                    await self?.expire(call.echo, after: timeout)
                }
                waiters[call.echo] = Waiter(continuation: continuation, timeout: timer)
                if case .terminated = outgoingContinuation.yield(call.frame) {
                    fail(call, with: OneBotError.connectionClosed(action: call.action))
                }
            }
        } onCancel: {
            Task { await self.abandon(call.echo) }
        }
    }

    private func expire(_ echo: String, after timeout: Duration) {
        guard let call = session.cancel(echo: echo) else { return }
        fail(call, with: OneBotError.timedOut(action: call.action, after: timeout))
    }

    private func abandon(_ echo: String) {
        guard let call = session.cancel(echo: echo) else { return }
        fail(call, with: CancellationError())
    }

    private func fail(_ call: OneBotSession.Call, with error: any Error) {
        _ = session.cancel(echo: call.echo)
        guard let waiter = waiters.removeValue(forKey: call.echo) else { return }
        waiter.timeout.cancel()
        waiter.continuation.resume(throwing: error)
    }
}
