/// A bot command split into its parts: `/start@MyBot payload` → `start`, `MyBot`, `payload`.
///
/// ```swift
/// let command = ParsedCommand(parsing: "/start@MyBot ref_42")
/// command?.name      // "start"
/// command?.username  // "MyBot"
/// command?.arguments // "ref_42"
/// ```
public struct ParsedCommand: Hashable, Sendable {
    /// The command without the slash and bot name, as written (`start`).
    public var name: String
    /// The bot it names (`/cmd@name`), if it names one.
    public var username: String?
    /// Everything after the first whitespace, leading whitespace removed.
    public var arguments: String

    public init(name: String, username: String? = nil, arguments: String = "") {
        self.name = name
        self.username = username
        self.arguments = arguments
    }

    /// Parses text that starts with `/`; `nil` for other text.
    public init?(parsing text: String) {
        let token = text.prefix { !$0.isWhitespace }
        self.init(token: String(token), rest: String(text[token.endIndex...]))
    }

    init?(token: String, rest: String) {
        guard token.hasPrefix("/"), token.count > 1 else { return nil }
        let body = token.dropFirst()
        if let at = body.firstIndex(of: "@") {
            name = String(body[..<at])
            username = String(body[body.index(after: at)...])
        } else {
            name = String(body)
            username = nil
        }
        arguments = String(rest.drop { $0.isWhitespace })
    }

    /// Whether the command is for the bot named `botUsername`: it names no bot, or that one
    /// (compared case-insensitively).
    public func isAddressed(to botUsername: String?) -> Bool {
        guard let username else { return true }
        return username.lowercased() == botUsername?.lowercased()
    }
}
