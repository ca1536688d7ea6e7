import VioCore

/// What a send action returns: the new message's id, and for merged forwards their id (`forward_id`,
/// NapCat `res_id`).
public struct SentMessage: Decodable, Hashable, Sendable {
    public var messageID: ID?
    public var forwardID: String?

    public init(messageID: ID? = nil, forwardID: String? = nil) {
        self.messageID = messageID
        self.forwardID = forwardID
    }

    private enum CodingKeys: String, CodingKey { case messageID = "message_id", forwardID = "forward_id", resID = "res_id" }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        messageID = container.lenient(ID.self, .messageID)
        forwardID = container.lenient(String.self, .forwardID) ?? container.lenient(String.self, .resID)
    }
}

extension SentMessage: JSONReadableResponse {
    init(reading reader: inout JSONReader) throws {
        var messageID: ID?
        var forwardID: String?
        var resID: String?
        try reader.readObjectIfPresent { reader, key in
            switch key {
            case "message_id": messageID = try reader.readID()
            case "forward_id": forwardID = try reader.readLooseString()
            case "res_id": resID = try reader.readLooseString()
            default: try reader.skipValue()
            }
        }
        self.messageID = messageID
        self.forwardID = forwardID ?? resID
    }
}
