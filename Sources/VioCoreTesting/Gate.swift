import Synchronization

/// A gate a handler waits at until the test opens it: synchronisation by continuation, not by sleep.
///
/// ```swift
/// let gate = Gate()
/// bot.command("/slow") { context, _ in
///     await gate.wait()
///     try await context.reply("done")
/// }
/// // … prove something happens while /slow waits, then:
/// gate.open()
/// ```
public final class Gate: Sendable {
    private let state = Mutex<(open: Bool, waiters: [CheckedContinuation<Void, Never>])>((false, []))

    public init() {}

    /// Returns once the gate is open (at once if it already is).
    public func wait() async {
        await withCheckedContinuation { continuation in
            let resumeNow = state.withLock { state -> Bool in
                if state.open { return true }
                state.waiters.append(continuation)
                return false
            }
            if resumeNow { continuation.resume() }
        }
    }

    /// Opens the gate for every waiter, now and later.
    public func open() {
        let waiters = state.withLock { state in
            state.open = true
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume() }
    }
}
