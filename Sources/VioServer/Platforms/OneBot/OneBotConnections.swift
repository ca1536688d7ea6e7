import Synchronization
import VioCore

/// The OneBot connections open now, one per bot account (`X-Self-ID`).
///
/// A new connection for an account replaces the old one, which is told to close: implementations
/// reconnect without always closing the previous socket cleanly. Guarded by a lock rather than an
/// actor: `/ping` reads it from the connection's event loop, and an actor would cost two thread
/// hops per `/ping`.
final class OneBotConnections: Sendable {
    private struct Entry {
        let number: Int
        let close: @Sendable () -> Void
    }

    private struct State {
        var entries: [ID: Entry] = [:]
        var nextNumber = 0
    }

    private let state = Mutex(State())

    init() {}

    /// Registers a connection of `selfID` and returns its number, for ``remove(_:number:)``; an
    /// older connection of the account is closed with its `close`.
    func add(_ selfID: ID, close: @escaping @Sendable () -> Void) -> Int {
        let (number, replaced) = state.withLock { state in
            state.nextNumber += 1
            let replaced = state.entries.updateValue(Entry(number: state.nextNumber, close: close), forKey: selfID)
            return (state.nextNumber, replaced)
        }
        replaced?.close()
        return number
    }

    /// Forgets a connection, unless a newer one for the same account has replaced it.
    func remove(_ selfID: ID, number: Int) {
        state.withLock { state in
            if state.entries[selfID]?.number == number { state.entries[selfID] = nil }
        }
    }

    /// The accounts connected now, sorted.
    var connectedAccounts: [ID] {
        state.withLock { $0.entries.keys.sorted() }
    }
}
