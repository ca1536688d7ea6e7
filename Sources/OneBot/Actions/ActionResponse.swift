import Foundation
import VioCore

/// The envelope of an action's answer: `{status, retcode, data, message/msg/wording, echo}`.
///
/// `data` stays as bytes until the caller that knows its type decodes it, so a response is read once.
///
/// ```swift
/// let response = try ActionResponse(json: body)          // e.g. from OneBot's HTTP API
/// let info = try response.result(for: GetLoginInfo())    // LoginInfo, or OneBotError.actionFailed
/// ```
public struct ActionResponse: Sendable {
    /// `ok`, `async` (accepted, performed later) or `failed`.
    public enum Status: Hashable, Sendable {
        case ok
        case async
        case failed
    }

    public var status: Status
    public var retcode: Int
    /// The peer's words: `wording`, else `message`, else go-cqhttp's `msg` code.
    public var message: String
    /// The `echo` of the request, as text; `nil` when absent or null.
    public var echo: String?
    /// The bytes of `data` (`null` when absent): a slice of the frame, not a copy, so its indices
    /// start at `data.startIndex`, not 0.
    public var data: Data

    /// Reads a response frame; throws ``OneBotError/malformedFrame(_:)`` for invalid JSON or frames
    /// that are not responses.
    public init(json: Data) throws {
        let fields = try FrameFields(frame: json)
        guard let response = ActionResponse(fields: fields, frame: json) else {
            throw OneBotError.malformedFrame("not an action response (no status, retcode or echo)")
        }
        self = response
    }

    /// The response the fields describe, or `nil` when the frame is not a response.
    init?(fields: FrameFields, frame: Data) {
        guard fields.postType == nil, fields.status != nil || fields.retcode != nil || fields.hasEcho else { return nil }
        let retcode = fields.retcode ?? 0
        switch fields.status {
        case "ok": status = .ok
        case "async": status = .async
        case "failed": status = .failed
        default: status = retcode == 0 ? .ok : retcode == 1 ? .async : .failed
        }
        self.retcode = retcode
        message = [fields.wording, fields.messageText, fields.msg].compactMap { $0 }.first { !$0.isEmpty } ?? ""
        echo = fields.echo
        data = fields.data.map { range in frame[(frame.startIndex + range.lowerBound)..<(frame.startIndex + range.upperBound)] } ?? Data("null".utf8)
    }

    /// The typed answer to `action`: its data when the peer answered `ok` or `async`, else
    /// ``OneBotError/actionFailed(action:retcode:message:)``.
    public func result<Action: OneBotAction>(for action: Action) throws -> Action.Response {
        guard status != .failed else {
            throw OneBotError.actionFailed(action: action.action, retcode: retcode, message: message)
        }
        if let nothing = NoData() as? Action.Response { return nothing }
        do {
            if let readable = Action.Response.self as? any JSONReadableResponse.Type,
               let response = try JSONReader.read(data, { reader in try readable.init(reading: &reader) }) as? Action.Response {
                return response
            }
            return try JSONDecoder().decode(Action.Response.self, from: data)
        } catch {
            throw OneBotError.unexpectedResponse(action: action.action, detail: String(describing: error))
        }
    }
}

/// A response type read by the one-pass ``JSONReader`` rather than `JSONDecoder`: the answers to the
/// calls a bot makes most (sends), which are on every event's way.
protocol JSONReadableResponse {
    init(reading reader: inout JSONReader) throws
}
