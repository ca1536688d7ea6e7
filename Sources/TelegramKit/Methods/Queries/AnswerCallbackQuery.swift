/// `answerCallbackQuery`: stops the button's spinner, optionally with a notice or an alert.
///
/// ```swift
/// try await client.call(AnswerCallbackQuery(callbackQueryID: query.id, text: "Saved"))
/// ```
public struct AnswerCallbackQuery: TelegramMethod {
    public typealias Result = Bool
    public static let name = "answerCallbackQuery"

    public var callbackQueryID: String
    /// 0 to 200 characters, shown at the top of the chat (or in an alert).
    public var text: String?
    public var showAlert: Bool?
    /// A URL to open: a game, or `t.me/yourbot?start=…`.
    public var url: String?
    /// Seconds the client may cache the answer.
    public var cacheTime: Int?

    public init(callbackQueryID: String, text: String? = nil, showAlert: Bool? = nil, url: String? = nil, cacheTime: Int? = nil) {
        self.callbackQueryID = callbackQueryID
        self.text = text
        self.showAlert = showAlert
        self.url = url
        self.cacheTime = cacheTime
    }

    enum CodingKeys: String, CodingKey {
        case text, url
        case callbackQueryID = "callback_query_id"
        case showAlert = "show_alert"
        case cacheTime = "cache_time"
    }
}
