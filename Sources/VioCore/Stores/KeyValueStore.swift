import Foundation

/// Small records kept by key within a namespace, optionally expiring: per-group settings, recall logs.
///
/// Implementations must treat an expired value as absent and survive concurrent use.
/// `VioCoreTesting.StoreContract` checks an implementation against this contract.
///
/// ```swift
/// try await storage.set(Settings(r18: true), for: "\(group)", in: "group-settings")
/// let settings = try await storage.get(Settings.self, for: "\(group)", in: "group-settings")
/// ```
public protocol KeyValueStore: Sendable {
    /// The value stored under `key`, unless absent or expired.
    func data(for key: String, in namespace: String) async throws -> Data?

    /// Stores `data` under `key`, replacing any earlier value; it expires after `expiresAfter` if set.
    func setData(_ data: Data, for key: String, in namespace: String, expiresAfter: Duration?) async throws

    /// Removes the value under `key`, if any.
    func removeValue(for key: String, in namespace: String) async throws

    /// The keys in `namespace` whose values have not expired, sorted.
    func keys(in namespace: String) async throws -> [String]

    /// The namespaces that start with `prefix` and hold a value that has not expired, sorted:
    /// every chat that switched a feature (`features/`), for the console.
    func namespaces(startingWith prefix: String) async throws -> [String]
}

extension KeyValueStore {
    /// The value under `key` decoded from JSON, or `nil` when absent or expired.
    public func get<Value: Decodable>(_ type: Value.Type, for key: String, in namespace: String) async throws -> Value? {
        guard let data = try await data(for: key, in: namespace) else { return nil }
        return try JSONDecoder().decode(Value.self, from: data)
    }

    /// Stores `value` as JSON under `key`.
    public func set<Value: Encodable>(_ value: Value, for key: String, in namespace: String, expiresAfter: Duration? = nil) async throws {
        try await setData(try JSONEncoder().encode(value), for: key, in: namespace, expiresAfter: expiresAfter)
    }
}

extension Duration {
    /// The duration in seconds, as Foundation measures time.
    public var timeInterval: TimeInterval {
        let parts = components
        return TimeInterval(parts.seconds) + TimeInterval(parts.attoseconds) / 1e18
    }
}
