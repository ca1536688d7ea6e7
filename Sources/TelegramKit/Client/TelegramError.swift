/// The Bot API refused a call: `{"ok":false,"error_code":…,"description":…,"parameters":…}`.
///
/// Check ``kind`` to react; `"\(error)"` says what failed and what to do.
///
/// ```swift
/// do {
///     try await client.call(SendMessage(chatID: .id(group), text: "hi"))
/// } catch let error as TelegramError where error.kind == .migrated {
///     try await client.call(SendMessage(chatID: .id(error.migrateToChatID ?? group), text: "hi"))
/// }
/// ```
public struct TelegramError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The method that failed (`sendMessage`).
    public var method: String
    /// Telegram's `error_code` (usually the HTTP status); `nil` when it sent none.
    public var code: Int?
    /// Telegram's own words (`Bad Request: chat not found`), with the bot token scrubbed.
    public var apiDescription: String
    /// Flood control: how long to wait before repeating the call.
    public var retryAfter: Duration?
    /// The group became a supergroup with this id.
    public var migrateToChatID: Int64?

    public init(method: String, code: Int?, apiDescription: String, parameters: ResponseParameters? = nil) {
        self.method = method
        self.code = code
        self.apiDescription = apiDescription
        self.retryAfter = parameters?.retryAfter.map { .seconds($0) }
        self.migrateToChatID = parameters?.migrateToChatID
    }

    /// What went wrong, in the terms a bot reacts to.
    public enum Kind: Hashable, Sendable {
        /// 401 or 404: the token is wrong or revoked (or, for a hand-written call, the method does not exist).
        case badToken
        /// 429: too many requests; wait ``TelegramError/retryAfter``.
        case floodControl
        /// The group became a supergroup; resend to ``TelegramError/migrateToChatID``.
        case migrated
        /// 409: another `getUpdates` is running with this token, or a webhook is set.
        case conflict
        /// 403: the bot was blocked, kicked, or may not write there.
        case forbidden
        /// 400: the request was wrong (chat not found, message not modified, bad markup…).
        case badRequest
        /// 5xx: Telegram had trouble; repeating later may work.
        case serverError
        case other
    }

    /// An edit that would leave the message as it is (`Bad Request: message is not modified`).
    public var isMessageNotModified: Bool {
        kind == .badRequest && apiDescription.contains("message is not modified")
    }

    /// Classified from `parameters` first, then the code, then the description's prefix.
    public var kind: Kind {
        if retryAfter != nil { return .floodControl }
        if migrateToChatID != nil { return .migrated }
        switch code {
        case 401, 404: return .badToken
        case 429: return .floodControl
        case 409: return .conflict
        case 403: return .forbidden
        case 400: return .badRequest
        case .some(500...599): return .serverError
        default: return Self.kind(fromDescription: apiDescription)
        }
    }

    private static func kind(fromDescription text: String) -> Kind {
        let prefixes: [(String, Kind)] = [
            ("Unauthorized", .badToken), ("Too Many Requests", .floodControl), ("Conflict", .conflict),
            ("Forbidden", .forbidden), ("Bad Request", .badRequest),
        ]
        return prefixes.first { text.hasPrefix($0.0) }?.1 ?? .other
    }

    public var description: String {
        let said = "\(method) failed: \(apiDescription)" + (code.map { " (\($0))" } ?? "")
        switch kind {
        case .badToken:
            return "\(said). Telegram does not accept the bot token: check it with @BotFather (BOT_TOKEN)"
                + (code == 404 ? ", and that the method name is right" : "")
        case .floodControl:
            return "\(said). Flood control: wait \(retryAfter.map { "\($0)" } ?? "a while") before sending again"
        case .migrated:
            return "\(said). The group is now the supergroup \(migrateToChatID.map(String.init) ?? "?"): send there"
        case .conflict:
            return "\(said). Only one getUpdates may run per token, and none while a webhook is set: "
                + "stop the other instance or call deleteWebhook"
        case .forbidden, .badRequest, .serverError, .other:
            return said
        }
    }
}
