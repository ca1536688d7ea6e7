/// A tap on an inline keyboard button. Answer it with ``AnswerCallbackQuery`` or the user's client
/// shows a spinner.
public struct CallbackQuery: Decodable, Hashable, Sendable {
    public var id: String
    public var from: User
    /// The message with the button; absent for buttons on inline-mode messages.
    public var message: Message?
    /// Inline-mode messages: their id.
    public var inlineMessageID: String?
    /// Identifies the chat the button was in, for games' high scores.
    public var chatInstance: String?
    /// The button's `callback_data`.
    public var data: String?
    public var gameShortName: String?

    enum CodingKeys: String, CodingKey {
        case id, from, message, data
        case inlineMessageID = "inline_message_id"
        case chatInstance = "chat_instance"
        case gameShortName = "game_short_name"
    }
}
