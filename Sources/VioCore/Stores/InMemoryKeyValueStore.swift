import Foundation

/// A ``KeyValueStore`` in memory: for tests, scripts and bots that may forget on restart.
public actor InMemoryKeyValueStore: KeyValueStore {
    private struct Entry {
        var data: Data
        var expiresAt: Date?
    }

    private var namespaces: [String: [String: Entry]] = [:]
    private let now: @Sendable () -> Date

    /// - Parameter now: the clock expiry is measured with; tests pass their own.
    public init(now: @escaping @Sendable () -> Date = { Date() }) {
        self.now = now
    }

    public func data(for key: String, in namespace: String) -> Data? {
        guard let entry = namespaces[namespace]?[key] else { return nil }
        guard !isExpired(entry, at: now()) else {
            namespaces[namespace]?[key] = nil
            return nil
        }
        return entry.data
    }

    public func setData(_ data: Data, for key: String, in namespace: String, expiresAfter: Duration?) {
        let expiresAt = expiresAfter.map { now().addingTimeInterval($0.timeInterval) }
        namespaces[namespace, default: [:]][key] = Entry(data: data, expiresAt: expiresAt)
    }

    public func removeValue(for key: String, in namespace: String) {
        namespaces[namespace]?[key] = nil
    }

    public func keys(in namespace: String) -> [String] {
        let time = now()
        let live = (namespaces[namespace] ?? [:]).filter { !isExpired($0.value, at: time) }
        namespaces[namespace] = live
        return live.keys.sorted()
    }

    public func namespaces(startingWith prefix: String) -> [String] {
        let time = now()
        return namespaces.filter { name, entries in name.hasPrefix(prefix) && entries.values.contains { !isExpired($0, at: time) } }.keys.sorted()
    }

    private func isExpired(_ entry: Entry, at time: Date) -> Bool {
        entry.expiresAt.map { $0 <= time } ?? false
    }
}
