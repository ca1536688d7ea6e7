/// A command shown in the bot's menu.
///
/// ```swift
/// SetMyCommands([BotCommand("start", "begin"), BotCommand("help", "what I can do")])
/// ```
public struct BotCommand: Codable, Hashable, Sendable {
    /// 1 to 32 characters: lowercase letters, digits and underscores, without the slash.
    public var command: String
    /// 1 to 256 characters.
    public var description: String

    public init(_ command: String, _ description: String) {
        self.command = command
        self.description = description
    }
}
