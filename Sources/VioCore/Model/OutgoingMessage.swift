import Foundation

/// A message a bot sends, built from parts that every platform can render in its own way.
///
/// Write it as a string, with interpolation, or with the builder:
///
/// ```swift
/// try await context.reply("pong")
/// try await context.reply("hello \(mention: user)!")
/// try await context.reply {
///     "Here is your picture"
///     OutgoingPart.image(url: pictureURL)
/// }
/// ```
public struct OutgoingMessage: Hashable, Sendable {
    public var parts: [OutgoingPart]

    public init(_ parts: [OutgoingPart]) {
        self.parts = parts
    }

    public init(@OutgoingMessageBuilder _ build: () -> [OutgoingPart]) {
        self.parts = build()
    }

    /// The text parts joined, with mentions as `@id`: what a text-only platform shows.
    public var plainText: String {
        parts.map { part in
            switch part {
            case .text(let text): text
            case .mention(let id): "@\(id)"
            case .forward(let nodes): nodes.map(\.message.plainText).joined(separator: "\n")
            case .image, .voice, .reply: ""
            }
        }.joined()
    }

    /// The message this one quotes, if a `.reply` part is present.
    public var replyTo: ID? {
        for case .reply(let id) in parts { return id }
        return nil
    }

    /// The same message quoting `id` (any earlier quote is replaced).
    public func replying(to id: ID) -> OutgoingMessage {
        OutgoingMessage([.reply(to: id)] + parts.filter { if case .reply = $0 { false } else { true } })
    }

    public static func + (lhs: OutgoingMessage, rhs: OutgoingMessage) -> OutgoingMessage {
        OutgoingMessage(lhs.parts + rhs.parts)
    }
}

/// One piece of an outgoing message.
public enum OutgoingPart: Hashable, Sendable {
    case text(String)
    case mention(ID)
    case image(MediaSource)
    /// A voice clip (QQ `record`, Telegram voice).
    case voice(MediaSource)
    /// Quote an earlier message.
    case reply(to: ID)
    /// A bundle of messages shown as one (QQ merged forward; other platforms send the nodes in turn).
    case forward([ForwardNode])

    public static func image(url: URL) -> OutgoingPart { .image(.url(url)) }
    public static func voice(url: URL) -> OutgoingPart { .voice(.url(url)) }
}

/// Where the bytes of a picture or clip come from.
public enum MediaSource: Hashable, Sendable {
    case url(URL)
    case data(Data, filename: String)
}

/// One message inside a forward bundle, shown as said by `senderName`.
public struct ForwardNode: Hashable, Sendable {
    public var senderID: ID
    public var senderName: String
    public var message: OutgoingMessage

    public init(senderID: ID, senderName: String, message: OutgoingMessage) {
        self.senderID = senderID
        self.senderName = senderName
        self.message = message
    }
}

extension OutgoingMessage: ExpressibleByStringInterpolation {
    public init(stringLiteral value: String) {
        self.init([.text(value)])
    }

    public init(stringInterpolation: Interpolation) {
        self.init(stringInterpolation.parts)
    }

    /// Interpolation that turns `\(mention:)` and `\(image:)` into parts and everything else into text.
    public struct Interpolation: StringInterpolationProtocol {
        fileprivate var parts: [OutgoingPart] = []

        public init(literalCapacity: Int, interpolationCount: Int) {}

        public mutating func appendLiteral(_ literal: String) {
            appendText(literal)
        }

        public mutating func appendInterpolation(_ value: some CustomStringConvertible) {
            appendText(value.description)
        }

        public mutating func appendInterpolation(mention user: ID) {
            parts.append(.mention(user))
        }

        public mutating func appendInterpolation(image url: URL) {
            parts.append(.image(url: url))
        }

        private mutating func appendText(_ text: String) {
            guard !text.isEmpty else { return }
            if case .text(let previous)? = parts.last {
                parts[parts.count - 1] = .text(previous + text)
            } else {
                parts.append(.text(text))
            }
        }
    }
}

/// Builds an ``OutgoingMessage`` from strings, parts and other messages.
@resultBuilder
public enum OutgoingMessageBuilder {
    public static func buildExpression(_ text: String) -> [OutgoingPart] { [.text(text)] }
    public static func buildExpression(_ part: OutgoingPart) -> [OutgoingPart] { [part] }
    public static func buildExpression(_ message: OutgoingMessage) -> [OutgoingPart] { message.parts }
    public static func buildBlock(_ components: [OutgoingPart]...) -> [OutgoingPart] { components.flatMap { $0 } }
    public static func buildOptional(_ component: [OutgoingPart]?) -> [OutgoingPart] { component ?? [] }
    public static func buildEither(first component: [OutgoingPart]) -> [OutgoingPart] { component }
    public static func buildEither(second component: [OutgoingPart]) -> [OutgoingPart] { component }
    public static func buildArray(_ components: [[OutgoingPart]]) -> [OutgoingPart] { components.flatMap { $0 } }
}
