import Foundation
import VioCore

/// The sans-I/O core of a OneBot connection: encodes calls with a unique `echo`, reads incoming
/// frames once, and matches responses to the calls waiting for them.
///
/// It is a value with no sockets and no tasks; each method returns what its owner must do.
/// ``OneBotClient`` drives one for a connection; drive it yourself for other I/O models:
///
/// ```swift
/// var session = OneBotSession()
/// let call = try session.start(GetLoginInfo())
/// socket.write(call.frame)
/// switch try session.receive(socket.read()) {
/// case .event(let event): handle(event)
/// case .response(let call, let response): resume(call.echo, with: response)
/// case .unmatched(let response): log("late or unknown echo \(response.echo ?? "-")")
/// }
/// ```
public struct OneBotSession: Sendable {
    /// A call that was encoded and is waiting for its response.
    public struct Call: Hashable, Sendable {
        /// The echo sent with it, unique in this session.
        public var echo: String
        /// The action's name, for errors and logs.
        public var action: String
        /// The request frame to send.
        public var frame: Data
    }

    /// What an incoming frame turned out to be.
    public enum Received: Sendable {
        case event(OneBotEvent)
        /// The response to a pending call, which is no longer pending.
        case response(Call, ActionResponse)
        /// A response whose echo matches no pending call (late, after a timeout, or never sent).
        case unmatched(ActionResponse)
    }

    private var pending: [String: Call] = [:]
    private var nextEcho: UInt64 = 1
    public private(set) var isClosed = false

    public init() {}

    /// How many calls await their response.
    public var pendingCount: Int { pending.count }

    /// Encodes `action` with a fresh echo and records it as pending.
    public mutating func start<Action: OneBotAction>(_ action: Action) throws -> Call {
        let echo = try reserveEcho(for: action.action)
        let call = Call(echo: echo, action: action.action, frame: try Self.frame(for: action, echo: echo))
        track(call)
        return call
    }

    /// A fresh echo for a call about to be encoded; throws once the connection is closed.
    public mutating func reserveEcho(for action: String) throws -> String {
        guard !isClosed else { throw OneBotError.connectionClosed(action: action) }
        defer { nextEcho += 1 }
        return String(nextEcho)
    }

    /// Records an encoded call as waiting for its response.
    public mutating func track(_ call: Call) {
        pending[call.echo] = call
    }

    /// The request frame `{"action", "params", "echo"}` for `action`. Pure: encode outside any lock.
    public static func frame<Action: OneBotAction>(for action: Action, echo: String) throws -> Data {
        if let writable = action as? any JSONWritableParams {
            var writer = JSONWriter()
            writer.raw(#"{"action":"#)
            writer.string(action.action)
            writer.raw(#","params":"#)
            writable.writeParams(to: &writer)
            writer.raw(#","echo":"#)
            writer.string(echo)
            writer.raw("}")
            return writer.data
        }
        do {
            return try JSONEncoder().encode(ActionRequest(action: action.action, params: action, echo: echo))
        } catch {
            throw OneBotError.encodingFailed(action: action.action, detail: String(describing: error))
        }
    }

    /// What a frame is, read once. Pure: decode outside any lock.
    public enum Incoming: Sendable {
        case event(OneBotEvent)
        case response(ActionResponse)
    }

    /// Reads one incoming frame. Throws ``OneBotError/malformedFrame(_:)`` for frames that are
    /// neither an event nor a response.
    public static func read(_ frame: Data) throws -> Incoming {
        let fields = try FrameFields(frame: frame)
        if fields.postType != nil {
            return .event(try OneBotEvent(fields: fields, raw: frame))
        }
        guard let response = ActionResponse(fields: fields, frame: frame) else {
            throw OneBotError.malformedFrame("neither an event (post_type) nor a response (status, retcode, echo)")
        }
        return .response(response)
    }

    /// Matches a response to the call waiting for it, which is then no longer pending.
    public mutating func match(_ response: ActionResponse) -> Received {
        guard let echo = response.echo, let call = pending.removeValue(forKey: echo) else {
            return .unmatched(response)
        }
        return .response(call, response)
    }

    /// Reads one incoming frame and matches it if it is a response; see ``read(_:)``.
    public mutating func receive(_ frame: Data) throws -> Received {
        switch try Self.read(frame) {
        case .event(let event): .event(event)
        case .response(let response): match(response)
        }
    }

    /// Gives up on the call with `echo`; returns it if it was still pending.
    public mutating func cancel(echo: String) -> Call? {
        pending.removeValue(forKey: echo)
    }

    /// Marks the connection closed and returns every pending call, which will never be answered.
    public mutating func close() -> [Call] {
        isClosed = true
        defer { pending.removeAll() }
        return Array(pending.values)
    }
}

/// `{"action": …, "params": …, "echo": …}`.
private struct ActionRequest<Params: Encodable>: Encodable {
    let action: String
    let params: Params
    let echo: String
}
