/// `setMyCommands`: the command list shown in the menu, for a scope and language.
///
/// ```swift
/// try await client.call(SetMyCommands([BotCommand("start", "begin"), BotCommand("help", "what I can do")]))
/// ```
public struct SetMyCommands: TelegramMethod {
    public typealias Result = Bool
    public static let name = "setMyCommands"

    /// At most 100.
    public var commands: [BotCommand]
    public var scope: BotCommandScope?
    /// A two-letter ISO 639-1 code; `nil` for users with no dedicated list.
    public var languageCode: String?

    public init(_ commands: [BotCommand], scope: BotCommandScope? = nil, languageCode: String? = nil) {
        self.commands = commands
        self.scope = scope
        self.languageCode = languageCode
    }

    enum CodingKeys: String, CodingKey {
        case commands, scope
        case languageCode = "language_code"
    }
}
