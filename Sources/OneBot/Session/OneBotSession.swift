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
        guard !isClosed else { throw OneBotError.connectionClosed(action: action.action) }
        let echo = String(nextEcho)
        let frame: Data
        do {
            frame = try JSONEncoder().encode(ActionRequest(action: action.action, params: action, echo: echo))
        } catch {
            throw OneBotError.encodingFailed(action: action.action, detail: String(describing: error))
        }
        nextEcho += 1
        let call = Call(echo: echo, action: action.action, frame: frame)
        pending[echo] = call
        return call
    }

    /// Reads one incoming frame. Throws ``OneBotError/malformedFrame(_:)`` for frames that are
    /// neither an event nor a response.
    public mutating func receive(_ frame: Data) throws -> Received {
        let fields = try FrameFields(frame: frame)
        if fields.postType != nil {
            return .event(try OneBotEvent(fields: fields, raw: frame))
        }
        guard let response = ActionResponse(fields: fields, frame: frame) else {
            throw OneBotError.malformedFrame("neither an event (post_type) nor a response (status, retcode, echo)")
        }
        guard let echo = response.echo, let call = pending.removeValue(forKey: echo) else {
            return .unmatched(response)
        }
        return .response(call, response)
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
