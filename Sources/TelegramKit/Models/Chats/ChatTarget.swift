/// Where a method sends: a chat id, or the `@username` of a public channel or supergroup.
///
/// ```swift
/// SendMessage(chatID: -1001234567890, text: "hi")
/// SendMessage(chatID: "@my_channel", text: "hi")
/// ```
public enum ChatTarget: Hashable, Sendable, Encodable, CustomStringConvertible {
    case id(Int64)
    case username(String)

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .id(let id): try container.encode(id)
        case .username(let name): try container.encode(name)
        }
    }

    public var description: String {
        switch self {
        case .id(let id): String(id)
        case .username(let name): name
        }
    }
}

extension ChatTarget: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int64) {
        self = .id(value)
    }
}

extension ChatTarget: ExpressibleByStringLiteral {
    /// A `@username`; the `@` is added when missing.
    public init(stringLiteral value: String) {
        self = .username(value.hasPrefix("@") ? value : "@" + value)
    }
}
