import VioCore

/// The OneBot connections open now, one per bot account (`X-Self-ID`).
///
/// A new connection for an account replaces the old one, which is told to close: implementations
/// reconnect without always closing the previous socket cleanly.
actor OneBotConnections {
    private struct Entry {
        let number: Int
        let close: @Sendable () -> Void
    }

    private var entries: [ID: Entry] = [:]
    private var nextNumber = 0

    /// Registers a connection of `selfID` and returns its number, for ``remove(_:number:)``; an
    /// older connection of the account is closed with `close`.
    func add(_ selfID: ID, close: @escaping @Sendable () -> Void) -> Int {
        nextNumber += 1
        entries.updateValue(Entry(number: nextNumber, close: close), forKey: selfID)?.close()
        return nextNumber
    }

    /// Forgets a connection, unless a newer one for the same account has replaced it.
    func remove(_ selfID: ID, number: Int) {
        if entries[selfID]?.number == number { entries[selfID] = nil }
    }

    /// The accounts connected now, sorted.
    var connectedAccounts: [ID] {
        entries.keys.sorted()
    }
}
