/// What an edit returns: the edited message, or just success for messages sent in inline mode.
public enum EditResult: Decodable, Hashable, Sendable {
    case message(Message)
    case inlineMessageEdited

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if (try? container.decode(Bool.self)) != nil {
            self = .inlineMessageEdited
        } else {
            self = .message(try container.decode(Message.self))
        }
    }

    /// The edited message, unless it was an inline-mode message.
    public var message: Message? {
        if case .message(let message) = self { return message }
        return nil
    }
}
