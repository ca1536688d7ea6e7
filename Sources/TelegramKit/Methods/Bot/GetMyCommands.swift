/// `getMyCommands`: the command list for a scope and language.
///
/// ```swift
/// let commands = try await client.call(GetMyCommands())
/// ```
public struct GetMyCommands: TelegramMethod {
    public typealias Result = [BotCommand]
    public static let name = "getMyCommands"

    public var scope: BotCommandScope?
    public var languageCode: String?

    public init(scope: BotCommandScope? = nil, languageCode: String? = nil) {
        self.scope = scope
        self.languageCode = languageCode
    }

    enum CodingKeys: String, CodingKey {
        case scope
        case languageCode = "language_code"
    }
}
