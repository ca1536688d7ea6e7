/// A user's vote in a non-anonymous poll changed.
public struct PollAnswer: Decodable, Hashable, Sendable {
    public var pollID: String
    /// The chat that voted, for votes on behalf of a chat.
    public var voterChat: TelegramChat?
    public var user: User?
    /// The chosen options' indexes; empty when the vote was taken back.
    public var optionIDs: [Int]

    enum CodingKeys: String, CodingKey {
        case user
        case pollID = "poll_id"
        case voterChat = "voter_chat"
        case optionIDs = "option_ids"
    }
}
