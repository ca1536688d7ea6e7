/// Escaping for Telegram's MarkdownV2, by the rules of the Bot API's "Formatting options".
///
/// ```swift
/// let text = "*\(MarkdownV2.escape(user.firstName))* scored 9.5!"   // the name stays literal
/// ```
public enum MarkdownV2 {
    /// Characters that must be escaped in ordinary text.
    public static let specialCharacters: Set<Character> = [
        "_", "*", "[", "]", "(", ")", "~", "`", ">", "#", "+", "-", "=", "|", "{", "}", ".", "!", "\\",
    ]

    /// Escapes text shown as it is: every special character and the backslash get a backslash.
    public static func escape(_ text: String) -> String {
        escaping(text, Self.specialCharacters)
    }

    /// Escapes the inside of `code` and `pre`: only `` ` `` and `\`.
    public static func escapeCode(_ text: String) -> String {
        escaping(text, ["`", "\\"])
    }

    /// Escapes the URL part `(...)` of an inline link or custom emoji: only `)` and `\`.
    public static func escapeLinkURL(_ url: String) -> String {
        escaping(url, [")", "\\"])
    }

    private static func escaping(_ text: String, _ special: Set<Character>) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            if special.contains(character) { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }
}
