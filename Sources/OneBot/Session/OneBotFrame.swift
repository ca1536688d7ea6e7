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
}

/// `{"action": …, "params": …, "echo": …}`.
private struct ActionRequest<Params: Encodable>: Encodable {
    let action: String
    let params: Params
    let echo: String
}
