/// A method that sends one file as a message: ``SendPhoto``, ``SendDocument``, ``SendAudio``,
/// ``SendVoice``, ``SendVideo``, ``SendAnimation``, ``SendSticker``. They share this encoding.
public protocol SendFileMethod: TelegramMethod where Result == Message {
    /// The parameter that holds the file (`photo`, `document`…).
    static var fileParameter: String { get }
    var chatID: ChatTarget { get }
    var file: InputFile { get }
    var caption: Caption? { get }
    var attributes: MediaAttributes { get }
    var options: MessageOptions { get }
}

extension SendFileMethod {
    public var rateLimitedChat: ChatTarget? { chatID }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: ParameterKey.self)
        try container.encode(chatID, forKey: "chat_id")
        try container.encode(file, forKey: ParameterKey(Self.fileParameter))
        try caption?.encode(to: encoder)
        try attributes.encode(to: encoder)
        try options.encode(to: encoder)
    }
}

/// A parameter name known only at run time.
struct ParameterKey: CodingKey, ExpressibleByStringLiteral {
    let stringValue: String

    init(_ name: String) {
        stringValue = name
    }

    init(stringValue: String) {
        self.init(stringValue)
    }

    init(stringLiteral value: String) {
        self.init(value)
    }

    var intValue: Int? { nil }

    init?(intValue: Int) {
        return nil
    }
}
