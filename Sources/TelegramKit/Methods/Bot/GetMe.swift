/// `getMe`: the bot's own account; a cheap way to check the token.
///
/// ```swift
/// let me = try await client.call(GetMe())
/// print("running as @\(me.username ?? "?")")
/// ```
public struct GetMe: TelegramMethod {
    public typealias Result = User
    public static let name = "getMe"

    public init() {}
}
