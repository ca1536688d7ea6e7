/// How Telegram reads markup in a text or caption. Prefer ``FormattedText``, which escapes for you.
public enum ParseMode: String, Codable, Hashable, Sendable {
    case markdownV2 = "MarkdownV2"
    case html = "HTML"
    /// The legacy Markdown, kept by Telegram for old bots; use `markdownV2`.
    case markdown = "Markdown"
}
