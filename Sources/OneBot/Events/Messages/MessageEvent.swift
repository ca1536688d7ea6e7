import Foundation
import VioCore

/// A private or group message (`post_type` `message`, or `message_sent` for the bot's own).
public struct MessageEvent: Hashable, Sendable {
    /// Where the message was said.
    public enum MessageType: String, Hashable, Sendable {
        case `private`
        case group
    }

    public var messageType: MessageType
    /// `friend`, `group` (temporary chat), `other`, `normal`, `anonymous`, `notice`, `group_self`…
    public var subType: String
    /// The message's id; negative and non-monotonic ids exist.
    public var messageID: ID
    public var userID: ID
    /// The group, for group messages.
    public var groupID: ID?
    /// The content, whether it arrived as an array or a CQ string.
    public var message: Message
    /// The content as a CQ string, as the peer rendered it.
    public var rawMessage: String
    public var font: Int?
    public var sender: MessageSender
    /// The anonymous identity, for anonymous group messages.
    public var anonymous: AnonymousSender?
    /// The peer of a private chat the bot sent to, or the group of a temporary chat (NapCat).
    public var targetID: ID?
    /// Where a temporary chat started (NapCat).
    public var tempSource: Int?
    /// NapCat's sequence number and real id of the message.
    public var messageSeq: Int64?
    public var realID: ID?
    /// NapCat sends this sequence as a string.
    public var realSeq: String?
    /// `array` or `string`: the format the peer is set to (NapCat).
    public var messageFormat: String?
    /// The group's name (NapCat).
    public var groupName: String?

    public var isGroup: Bool { messageType == .group }

    /// The event from frame fields; `nil` for message types this library does not model (guild…).
    init?(_ fields: FrameFields) throws {
        guard let messageType = fields.messageType.flatMap(MessageType.init(rawValue:)) else { return nil }
        self.messageType = messageType
        subType = fields.subType ?? ""
        messageID = try fields.required(fields.messageID, "message_id")
        userID = try fields.required(fields.userID ?? fields.sender?.userID, "user_id")
        groupID = fields.groupID
        if messageType == .group, groupID == nil { _ = try fields.required(groupID, "group_id") }
        message = fields.message ?? fields.messageText.map(Message.init(cq:)) ?? Message()
        rawMessage = fields.rawMessage ?? fields.messageText ?? ""
        font = fields.font
        sender = fields.sender ?? MessageSender()
        anonymous = fields.anonymous
        targetID = fields.targetID
        tempSource = fields.tempSource
        messageSeq = fields.messageSeq
        realID = fields.realID
        realSeq = fields.realSeq
        messageFormat = fields.messageFormat
        groupName = fields.groupName
    }
}
