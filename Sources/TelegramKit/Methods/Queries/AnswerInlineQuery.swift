/// `answerInlineQuery`: the results for an inline query (at most 50).
///
/// ```swift
/// try await client.call(AnswerInlineQuery(inlineQueryID: query.id, results: [
///     .article(id: "echo", title: "Echo", text: query.query),
/// ], cacheTime: 0))
/// ```
public struct AnswerInlineQuery: TelegramMethod {
    public typealias Result = Bool
    public static let name = "answerInlineQuery"

    public var inlineQueryID: String
    public var results: [InlineQueryResult]
    /// Seconds the results may be cached on Telegram's side (default 300).
    public var cacheTime: Int?
    /// Cache per user rather than for everyone.
    public var isPersonal: Bool?
    /// Sent back as the query's `offset` when the user scrolls for more.
    public var nextOffset: String?

    public init(inlineQueryID: String, results: [InlineQueryResult], cacheTime: Int? = nil, isPersonal: Bool? = nil, nextOffset: String? = nil) {
        self.inlineQueryID = inlineQueryID
        self.results = results
        self.cacheTime = cacheTime
        self.isPersonal = isPersonal
        self.nextOffset = nextOffset
    }

    enum CodingKeys: String, CodingKey {
        case results
        case inlineQueryID = "inline_query_id"
        case cacheTime = "cache_time"
        case isPersonal = "is_personal"
        case nextOffset = "next_offset"
    }
}
