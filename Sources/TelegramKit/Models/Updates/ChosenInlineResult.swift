/// A user picked one of the bot's inline results (needs inline feedback on in @BotFather).
public struct ChosenInlineResult: Decodable, Hashable, Sendable {
    public var resultID: String
    public var from: User
    public var query: String
    public var location: Location?
    /// Set when the result has an inline keyboard, to edit the message later.
    public var inlineMessageID: String?

    enum CodingKeys: String, CodingKey {
        case from, query, location
        case resultID = "result_id"
        case inlineMessageID = "inline_message_id"
    }
}
