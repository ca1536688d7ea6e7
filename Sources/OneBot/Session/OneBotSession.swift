import Foundation
import VioCore

/// The sans-I/O state machine of a OneBot connection's calls: each pending call, its deadline and
/// whoever waits for it, in one table keyed by `echo`.
///
/// It has no sockets, tasks or clocks; each transition returns what its owner must do: write a
/// frame, resume a waiter, wake a timer. `Waiter` is whatever the owner resumes (``OneBotClient``
/// keeps a continuation). A call goes through two steps, because its frame is written before its
/// caller can wait: ``call(_:timeout:now:)`` while the frame is written, then ``wait(_:with:)``.
/// An answer, a timeout or a close that comes in between is kept for ``wait(_:with:)`` to return.
///
/// ```swift
/// var session = OneBotSession<Waiter>()
/// let started = try session.call(GetLoginInfo(), timeout: .seconds(30), now: clock.now)
/// if let wake = started.wakeAt { timer.schedule(at: wake) }
/// try await socket.write(started.frame)
/// if let early = session.wait(started.call.echo, with: waiter) { waiter.resume(with: early) }
///
/// if case .response(let response) = try OneBotFrame.read(socket.read()),          // a frame comes in
///    case .resume(let waiter, let response) = session.receive(response) { waiter.resume(returning: response) }
///
/// let expiry = session.tick(now: clock.now)                                      // the timer fired
/// for (waiter, error) in expiry.failed { waiter.resume(throwing: error) }
/// if let wake = expiry.nextWake { timer.schedule(at: wake) }
/// ```
public struct OneBotSession<Waiter> {
    /// A call that was sent and is not yet handed back to its caller.
    public struct Call: Hashable, Sendable {
        /// The echo sent with it, unique in this session.
        public var echo: String
        /// The action's name, for errors and logs.
        public var action: String
        /// When it times out.
        public var deadline: ContinuousClock.Instant
        public var timeout: Duration
    }

    /// A call just started: the frame to write, and when the owner's timer must wake if earlier than planned.
    public struct Started {
        public var call: Call
        public var frame: Data
        /// Set when this call's deadline is the earliest: (re)arm the timer for it.
        public var wakeAt: ContinuousClock.Instant?
    }

    /// What an incoming response means for the calls.
    public enum Answer {
        /// The response for a waiting call: resume its waiter, which is no longer pending.
        case resume(Waiter, ActionResponse)
        /// The response for a call whose frame is still being written; ``wait(_:with:)`` returns it.
        case kept
        /// No call waits for this echo: late (after a timeout), repeated, or never sent.
        case unmatched(ActionResponse)
    }

    /// Calls that timed out, and when to look again.
    public struct Expiry {
        /// Waiters to resume with their error (``OneBotError/timedOut(action:after:)``).
        public var failed: [(Waiter, OneBotError)]
        /// The earliest deadline still pending, for the timer; `nil` when nothing is pending.
        public var nextWake: ContinuousClock.Instant?
    }

    fileprivate enum Progress {
        /// The frame is being written; no waiter yet.
        case sending
        case waiting(Waiter)
        /// Ended before its caller waited: ``wait(_:with:)`` hands this over.
        case ended(Result<ActionResponse, any Error>)
    }

    fileprivate struct Entry {
        var call: Call
        var progress: Progress
    }

    private var entries: [String: Entry] = [:]
    private var nextEcho: UInt64 = 1
    /// When the owner's timer is set to wake.
    private var plannedWake: ContinuousClock.Instant?
    public private(set) var isClosed = false

    public init() {}

    /// Calls sent and not yet handed back to their callers.
    public var pendingCount: Int { entries.count }

    /// Starts `action` with a fresh echo: returns the frame to write; the call is pending until its
    /// response, its deadline or the close. Throws ``OneBotError/connectionClosed(action:)`` once
    /// closed, or ``OneBotError/encodingFailed(action:detail:)``.
    public mutating func call<Action: OneBotAction>(_ action: Action, timeout: Duration, now: ContinuousClock.Instant) throws -> Started {
        guard !isClosed else { throw OneBotError.connectionClosed(action: action.action) }
        let echo = String(nextEcho)
        let frame = try OneBotFrame.request(for: action, echo: echo)
        nextEcho += 1
        let call = Call(echo: echo, action: action.action, deadline: now.advanced(by: timeout), timeout: timeout)
        entries[echo] = Entry(call: call, progress: .sending)
        var wakeAt: ContinuousClock.Instant?
        if plannedWake.map({ call.deadline < $0 }) ?? true {
            plannedWake = call.deadline
            wakeAt = call.deadline
        }
        return Started(call: call, frame: frame, wakeAt: wakeAt)
    }

    /// The call's frame is written and its caller waits with `waiter`; returns the outcome instead
    /// when it already came (answered, timed out, cancelled or closed meanwhile).
    public mutating func wait(_ echo: String, with waiter: Waiter) -> Result<ActionResponse, any Error>? {
        guard var entry = entries[echo] else { return .failure(CancellationError()) }
        if case .ended(let outcome) = entry.progress {
            entries[echo] = nil
            return outcome
        }
        entry.progress = .waiting(waiter)
        entries[echo] = entry
        return nil
    }

    /// The call's frame could not be written: it is no longer pending.
    public mutating func writeFailed(_ echo: String) {
        entries[echo] = nil
    }

    /// Matches a response to its call.
    public mutating func receive(_ response: ActionResponse) -> Answer {
        guard let echo = response.echo, var entry = entries[echo] else { return .unmatched(response) }
        switch entry.progress {
        case .waiting(let waiter):
            entries[echo] = nil
            return .resume(waiter, response)
        case .sending:
            entry.progress = .ended(.success(response))
            entries[echo] = entry
            return .kept
        case .ended:
            return .unmatched(response)
        }
    }

    /// Reads a frame and matches it if it is a response: the event, or what the response means.
    public mutating func receive(_ frame: Data) throws -> Received {
        switch try OneBotFrame.read(frame) {
        case .event(let event): .event(event)
        case .response(let response): .answer(receive(response))
        }
    }

    /// What ``receive(_:)-(Data)`` read.
    public enum Received {
        case event(OneBotEvent)
        case answer(Answer)
    }

    /// Fails the calls whose deadline is past `now`; says when the next one is due.
    public mutating func tick(now: ContinuousClock.Instant) -> Expiry {
        var failed: [(Waiter, OneBotError)] = []
        var nextWake: ContinuousClock.Instant?
        for (echo, var entry) in entries {
            if case .ended = entry.progress { continue }
            guard entry.call.deadline <= now else {
                nextWake = min(nextWake ?? entry.call.deadline, entry.call.deadline)
                continue
            }
            let error = OneBotError.timedOut(action: entry.call.action, after: entry.call.timeout)
            if case .waiting(let waiter) = entry.progress {
                failed.append((waiter, error))
                entries[echo] = nil
            } else {
                entry.progress = .ended(.failure(error))
                entries[echo] = entry
            }
        }
        plannedWake = nextWake
        return Expiry(failed: failed, nextWake: nextWake)
    }

    /// The caller of `echo` stopped waiting (its task was cancelled): returns its waiter to resume
    /// with `CancellationError`, if it waits already.
    public mutating func cancel(_ echo: String) -> Waiter? {
        guard var entry = entries[echo] else { return nil }
        switch entry.progress {
        case .waiting(let waiter):
            entries[echo] = nil
            return waiter
        case .sending:
            entry.progress = .ended(.failure(CancellationError()))
            entries[echo] = entry
            return nil
        case .ended:
            return nil
        }
    }

    /// Marks the connection closed: new calls are refused and every pending call fails with
    /// ``OneBotError/connectionClosed(action:)``. Returns the waiters to resume with that error.
    public mutating func close() -> [(Waiter, OneBotError)] {
        isClosed = true
        plannedWake = nil
        var failed: [(Waiter, OneBotError)] = []
        for (echo, var entry) in entries {
            let error = OneBotError.connectionClosed(action: entry.call.action)
            switch entry.progress {
            case .waiting(let waiter):
                failed.append((waiter, error))
                entries[echo] = nil
            case .sending:
                entry.progress = .ended(.failure(error))
                entries[echo] = entry
            case .ended:
                break
            }
        }
        return failed
    }
}

extension OneBotSession: Sendable where Waiter: Sendable {}
extension OneBotSession.Entry: Sendable where Waiter: Sendable {}
extension OneBotSession.Progress: Sendable where Waiter: Sendable {}
extension OneBotSession.Started: Sendable {}
extension OneBotSession.Answer: Sendable where Waiter: Sendable {}
extension OneBotSession.Received: Sendable where Waiter: Sendable {}
