/// The id of a message `copyMessage` made.
public struct MessageID: Decodable, Hashable, Sendable {
    public var messageID: Int64

    enum CodingKeys: String, CodingKey {
        case messageID = "message_id"
    }
}
