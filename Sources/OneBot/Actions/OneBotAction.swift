import VioCore

/// A OneBot API action with typed parameters and a typed response.
///
/// The value encodes as the action's `params`. Send it with ``OneBotClient/call(_:timeout:)``:
///
/// ```swift
/// let sent = try await client.call(SendGroupMessage(group: 987654321, message: "hi \(at: 42)"))
/// print(sent.messageID)
/// ```
public protocol OneBotAction: Encodable, Sendable {
    /// What `data` decodes to when the peer answers `ok`.
    associatedtype Response: Decodable & Sendable
    /// The action's name on the wire, such as `send_group_msg`.
    var action: String { get }
}

/// The response of actions that return nothing useful; decodes from any `data`, null included.
public struct NoData: Decodable, Hashable, Sendable {
    public init() {}

    public init(from decoder: any Decoder) throws {}
}

/// Any action by name with loosely typed parameters and response, for what is not modelled here.
///
/// ```swift
/// let rkey = try await client.call(RawAction("nc_get_rkey"))
/// ```
public struct RawAction: OneBotAction {
    public typealias Response = JSONValue
    public var action: String
    public var params: JSONValue

    public init(_ action: String, params: JSONValue = [:]) {
        self.action = action
        self.params = params
    }

    public func encode(to encoder: any Encoder) throws {
        try params.encode(to: encoder)
    }
}

/// The `_async` form of an action: the peer accepts it at once (status `async`) and performs it later.
///
/// ```swift
/// try await client.call(AsyncAction(SendGroupMessage(group: 1, message: "later")))
/// ```
public struct AsyncAction<Wrapped: OneBotAction>: OneBotAction {
    public typealias Response = NoData
    public var wrapped: Wrapped

    public init(_ wrapped: Wrapped) {
        self.wrapped = wrapped
    }

    public var action: String { wrapped.action + "_async" }

    public func encode(to encoder: any Encoder) throws {
        try wrapped.encode(to: encoder)
    }
}

/// How a message is written in an action's parameters.
public enum MessageFormat: Hashable, Sendable {
    /// A segment array (the default; nothing is escaped).
    case array
    /// A CQ-coded string.
    case string
}

extension KeyedEncodingContainer {
    mutating func encode(_ message: Message, format: MessageFormat, forKey key: Key) throws {
        switch format {
        case .array: try encode(message, forKey: key)
        case .string: try encode(message.cqString, forKey: key)
        }
    }
}
