/// Escaping for Telegram's HTML parse mode.
///
/// ```swift
/// let text = "<b>\(HTMLEscaping.escape(title))</b>"
/// ```
public enum HTMLEscaping {
    /// Escapes `&`, `<` and `>`, the only characters Telegram's HTML needs escaped in text.
    public static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// Escapes a value inside double quotes (`href`, `class`): also `"`.
    public static func escapeAttribute(_ value: String) -> String {
        escape(value).replacingOccurrences(of: "\"", with: "&quot;")
    }
}
