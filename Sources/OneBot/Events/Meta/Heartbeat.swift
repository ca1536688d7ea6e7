import VioCore

/// A heartbeat: the time to the next one and a free-form status.
public struct Heartbeat: Hashable, Sendable {
    /// The status object; its fields differ between implementations.
    public var status: JSONValue
    /// The time until the next heartbeat.
    public var interval: Duration

    /// Whether the account is online, when the status says.
    public var isOnline: Bool? { status["online"]?.boolValue }
    /// Whether the implementation considers itself healthy, when the status says.
    public var isGood: Bool? { status["good"]?.boolValue }
}
