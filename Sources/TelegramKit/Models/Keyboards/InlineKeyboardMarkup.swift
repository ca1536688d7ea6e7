/// Buttons under a message, in rows.
///
/// ```swift
/// let keyboard = InlineKeyboardMarkup([
///     [.callback("Yes", data: "vote:yes"), .callback("No", data: "vote:no")],
///     [.url("Read more", url: "https://example.com")],
/// ])
/// ```
public struct InlineKeyboardMarkup: Codable, Hashable, Sendable {
    public var inlineKeyboard: [[InlineKeyboardButton]]

    public init(_ rows: [[InlineKeyboardButton]]) {
        self.inlineKeyboard = rows
    }

    enum CodingKeys: String, CodingKey {
        case inlineKeyboard = "inline_keyboard"
    }
}
