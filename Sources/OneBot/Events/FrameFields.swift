import Foundation
import VioCore

/// Every member a frame from the peer may have, read in one pass over its bytes.
///
/// Events and action responses share one reader so that a frame is read exactly once whatever it
/// turns out to be; the typed event or response is then built from these fields.
struct FrameFields {
    var time: Int64?
    var selfID: ID?
    var postType: String?
    var messageType: String?
    var noticeType: String?
    var requestType: String?
    var metaEventType: String?
    var subType: String?

    var messageID: ID?
    var userID: ID?
    var groupID: ID?
    var operatorID: ID?
    var targetID: ID?
    var senderID: ID?
    var realID: ID?

    /// `message` when it was an array; a string stays in `messageText` (CQ text for events, error
    /// text for responses) until the frame's kind is known.
    var message: Message?
    var messageText: String?
    var rawMessage: String?
    var font: Int?
    var sender: MessageSender?
    var anonymous: AnonymousSender?
    var messageSeq: Int64?
    var realSeq: String?
    var messageFormat: String?
    var groupName: String?
    var tempSource: Int?

    var duration: Int64?
    var file: NoticeFile?
    var honorType: String?
    var title: String?
    var cardNew: String?
    var cardOld: String?
    var comment: String?
    var flag: String?
    var interval: Int64?
    var heartbeatStatus: JSONValue?
    var online: Bool?
    var client: JSONValue?
    var operatorNick: String?
    var times: Int?
    var likes: [EmojiLike]?

    var status: String?
    var retcode: Int?
    var echo: String?
    var hasEcho = false
    var data: Range<Int>?
    var msg: String?
    var wording: String?

    /// Reads a whole frame; invalid JSON is ``OneBotError/malformedFrame(_:)``.
    init(frame: Data) throws {
        do {
            self = try JSONReader.read(frame) { try FrameFields(reading: &$0) }
        } catch let error as JSONReaderError {
            throw OneBotError.malformedFrame(error.description)
        }
    }

    init(reading reader: inout JSONReader) throws {
        guard reader.peek() == .openBrace else { throw reader.error("a frame must be a JSON object") }
        try reader.readObject { reader, key in try self.read(key, from: &reader) }
    }

    private mutating func read(_ key: JSONKey, from reader: inout JSONReader) throws {
        switch key {
        case "time": time = try reader.readLooseInt64()
        case "self_id": selfID = try reader.readID()
        case "post_type": postType = try reader.readLooseString()
        case "message_type": messageType = try reader.readLooseString()
        case "notice_type": noticeType = try reader.readLooseString()
        case "request_type": requestType = try reader.readLooseString()
        case "meta_event_type": metaEventType = try reader.readLooseString()
        case "sub_type": subType = try reader.readLooseString()
        case "message_id": messageID = try reader.readID()
        case "user_id": userID = try reader.readID()
        case "group_id": groupID = try reader.readID()
        case "operator_id": operatorID = try reader.readID()
        case "target_id": targetID = try reader.readID()
        case "sender_id": senderID = try reader.readID()
        case "real_id": realID = try reader.readID()
        case "message":
            if reader.peek() == .quote { messageText = try reader.readString() } else { message = try Message(reading: &reader) }
        default: try readDetail(key, from: &reader)
        }
    }

    private mutating func readDetail(_ key: JSONKey, from reader: inout JSONReader) throws {
        switch key {
        case "raw_message": rawMessage = try reader.readLooseString()
        case "font": font = try reader.readLooseInt()
        case "sender": sender = try MessageSender(reading: &reader)
        case "anonymous": anonymous = try AnonymousSender(reading: &reader)
        case "message_seq": messageSeq = try reader.readLooseInt64()
        case "real_seq": realSeq = try reader.readLooseString()
        case "message_format": messageFormat = try reader.readLooseString()
        case "group_name": groupName = try reader.readLooseString()
        case "temp_source": tempSource = try reader.readLooseInt()
        case "duration": duration = try reader.readLooseInt64()
        case "file": file = try NoticeFile(reading: &reader)
        case "honor_type": honorType = try reader.readLooseString()
        case "title": title = try reader.readLooseString()
        case "card_new": cardNew = try reader.readLooseString()
        case "card_old": cardOld = try reader.readLooseString()
        case "comment": comment = try reader.readLooseString()
        case "flag": flag = try reader.readLooseString()
        case "interval": interval = try reader.readLooseInt64()
        case "online": online = try reader.readLooseBool()
        case "client": client = try reader.readValue()
        case "operator_nick": operatorNick = try reader.readLooseString()
        case "times": times = try reader.readLooseInt()
        case "likes": likes = try EmojiLike.readList(from: &reader)
        default: try readResponse(key, from: &reader)
        }
    }

    private mutating func readResponse(_ key: JSONKey, from reader: inout JSONReader) throws {
        switch key {
        case "status":
            if reader.peek() == .openBrace { heartbeatStatus = try reader.readValue() } else { status = try reader.readLooseString() }
        case "retcode": retcode = try reader.readLooseInt()
        case "echo":
            hasEcho = true
            echo = try reader.readLooseString()
        case "data": data = try reader.readRawValue()
        case "msg": msg = try reader.readLooseString()
        case "wording": wording = try reader.readLooseString()
        default: try reader.skipValue()
        }
    }

    /// The value of a field the event cannot do without.
    func required<Value>(_ value: Value?, _ name: String) throws -> Value {
        guard let value else {
            throw OneBotError.malformedFrame("\(postType ?? "event") \(noticeType ?? messageType ?? requestType ?? "") has no \(name)")
        }
        return value
    }
}
