/// The content of a chat message: plain text, or parts (text and images) for vision models.
///
/// ```swift
/// let plain: MessageContent = "Hello"
/// let vision = MessageContent.parts([.text("What is this?"), .imageURL("https://example.com/cat.png")])
/// ```
public enum MessageContent: Hashable, Sendable, Codable, ExpressibleByStringLiteral {
    case text(String)
    case parts([ContentPart])

    public init(stringLiteral value: String) {
        self = .text(value)
    }

    /// The text of the content: the string itself, or the text parts joined without separator.
    public var text: String {
        switch self {
        case .text(let text):
            text
        case .parts(let parts):
            parts.compactMap { part in
                if case .text(let text) = part { return text }
                return nil
            }.joined()
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            self = .text(text)
        } else {
            self = .parts(try container.decode([ContentPart].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .text(let text): try container.encode(text)
        case .parts(let parts): try container.encode(parts)
        }
    }
}
