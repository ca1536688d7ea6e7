import Foundation
import VioCore

/// One event a OneBot implementation pushed: a message, a notice, a request or a meta event.
///
/// Decode it from a frame's bytes; the bytes stay in `raw` for fields this library does not model.
///
/// ```swift
/// let event = try OneBotEvent(json: frame)
/// switch event.kind {
/// case .message(let message): print(message.userID, message.message.plainText)
/// case .notice(.groupRecall(let recall)): print("recalled", recall.messageID)
/// default: break
/// }
/// ```
public struct OneBotEvent: Sendable {
    /// What happened.
    public enum Kind: Sendable {
        case message(MessageEvent)
        /// A message the bot account itself sent (go-cqhttp, NapCat `message_sent`).
        case messageSent(MessageEvent)
        case notice(NoticeEvent)
        case request(RequestEvent)
        case meta(MetaEvent)
        /// A `post_type` (or message type) this library does not model; read `raw`.
        case unknown(postType: String)
    }

    /// When it happened, in Unix seconds.
    public var time: Int64
    /// The bot account that received it.
    public var selfID: ID
    public var kind: Kind
    /// The frame as received.
    public var raw: Data

    public var date: Date { Date(timeIntervalSince1970: TimeInterval(time)) }

    /// Decodes one frame. Throws ``OneBotError/notAnEvent`` for frames without `post_type` (action
    /// responses) and ``OneBotError/malformedFrame(_:)`` for invalid JSON.
    public init(json: Data) throws {
        let fields = try FrameFields(frame: json)
        try self.init(fields: fields, raw: json)
    }

    init(fields: FrameFields, raw: Data) throws {
        guard let postType = fields.postType else { throw OneBotError.notAnEvent }
        self.time = fields.time ?? 0
        self.selfID = fields.selfID ?? ID(0)
        self.raw = raw
        self.kind = try Kind(postType: postType, fields: fields)
    }
}

extension OneBotEvent.Kind {
    init(postType: String, fields: FrameFields) throws {
        switch postType {
        case "message", "message_sent":
            guard let event = try MessageEvent(fields) else {
                self = .unknown(postType: postType)
                return
            }
            self = postType == "message" ? .message(event) : .messageSent(event)
        case "notice":
            self = .notice(try NoticeEvent(fields))
        case "request":
            self = .request(try RequestEvent(fields))
        case "meta_event":
            self = .meta(MetaEvent(fields))
        default:
            self = .unknown(postType: postType)
        }
    }
}
