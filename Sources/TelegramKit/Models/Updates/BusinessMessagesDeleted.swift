/// Messages were deleted from a connected business account's chat.
public struct BusinessMessagesDeleted: Decodable, Hashable, Sendable {
    public var businessConnectionID: String
    public var chat: TelegramChat
    public var messageIDs: [Int64]

    enum CodingKeys: String, CodingKey {
        case chat
        case businessConnectionID = "business_connection_id"
        case messageIDs = "message_ids"
    }
}
