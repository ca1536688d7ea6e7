/// A Bot API method: its parameters as properties, its result as a type.
///
/// Every method of the Bot API that bots commonly use has a struct named after it (`sendMessage` →
/// ``SendMessage``); call it through ``TelegramClient/call(_:)``:
///
/// ```swift
/// let sent: Message = try await client.call(SendMessage(chatID: chat, text: "hello"))
/// let me: User = try await client.call(GetMe())
/// ```
///
/// For a method without a struct, use ``TelegramClient/call(method:params:)`` with JSON, or write
/// your own conforming type.
public protocol TelegramMethod: Encodable, Sendable {
    /// What the method returns on success.
    associatedtype Result: Decodable & Sendable

    /// The method's name in the Bot API (`sendMessage`).
    static var name: String { get }

    /// The chat this call posts a message to, so an ``OutgoingRateLimiter`` can pace it; `nil` for
    /// calls that post nothing.
    var rateLimitedChat: ChatTarget? { get }
}

extension TelegramMethod {
    public var rateLimitedChat: ChatTarget? { nil }
}
