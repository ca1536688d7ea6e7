import Foundation
import VioCore

/// Reading and writing OneBot's JSON frames; pure functions, so decode and encode outside any lock.
///
/// ```swift
/// switch try OneBotFrame.read(bytes) {
/// case .event(let event): handle(event)
/// case .response(let response): session.receive(response)
/// }
/// let frame = try OneBotFrame.request(for: GetLoginInfo(), echo: "1")
/// ```
public enum OneBotFrame {
    /// What a frame is, read once.
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

    /// The request frame `{"action", "params", "echo"}` for `action`.
    public static func request<Action: OneBotAction>(for action: Action, echo: String) throws -> Data {
        var writer = JSONWriter()
        writer.raw(#"{"action":"#)
        writer.string(action.action)
        writer.raw(#","params":"#)
        try writeParams(of: action, to: &writer)
        writer.raw(#","echo":"#)
        writer.string(echo)
        writer.raw("}")
        return writer.data
    }

    /// Writes `action`'s params object: by hand for the actions a bot calls most, else with `JSONEncoder`.
    static func writeParams<Action: OneBotAction>(of action: Action, to writer: inout JSONWriter) throws {
        if let writable = action as? any JSONWritableParams {
            writable.writeParams(to: &writer)
            return
        }
        do {
            writer.append(try JSONEncoder().encode(action))
        } catch {
            throw OneBotError.encodingFailed(action: action.action, detail: String(describing: error))
        }
    }
}
