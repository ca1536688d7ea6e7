/// The chat platform an event came from. Open-ended: adapters outside Vio define their own.
///
/// ```swift
/// extension Platform { static let discord = Platform("discord") }
/// ```
public struct Platform: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public init(_ name: String) {
        self.init(rawValue: name)
    }

    public var description: String { rawValue }

    /// QQ through a OneBot v11 implementation (NapCat, go-cqhttp, Lagrange.OneBot, LLOneBot).
    public static let onebot = Platform("onebot")
    /// The Telegram Bot API.
    public static let telegram = Platform("telegram")
    /// Plain HTTP requests (VioGo's `POST /post`).
    public static let http = Platform("http")
    /// A terminal: lines on standard input.
    public static let console = Platform("console")
}
