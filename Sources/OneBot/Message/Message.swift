import Foundation
import VioCore

/// A OneBot message: a list of ``Segment``s.
///
/// Build it from text, interpolation, an array of segments or the builder; it is sent in array
/// format, and `cqString` gives the string format.
///
/// ```swift
/// let greeting: Message = "hello \(at: 10001000)!"
/// let card = Message {
///     "Here you go "
///     Segment.at(10001000)
///     Segment.image(url: pictureURL)
/// }
/// let parsed = Message(cq: "[CQ:face,id=178]看看我刚拍的照片")
/// ```
public struct Message: Hashable, Sendable {
    public var segments: [Segment]

    public init(_ segments: [Segment] = []) {
        self.segments = segments
    }

    /// The message a CQ-coded string stands for.
    public init(cq string: String) {
        self.init(CQCode.parse(string))
    }

    /// The message in string format, with CQ codes.
    public var cqString: String { CQCode.serialize(segments) }

    /// The text segments joined, without mentions, faces or pictures.
    public var plainText: String {
        segments.compactMap(\.text).joined()
    }

    public var isEmpty: Bool { segments.isEmpty }

    /// Appends a segment, joining it to a text segment before it.
    public mutating func append(_ segment: Segment) {
        if case .text(let addition) = segment, case .text(let previous)? = segments.last {
            segments[segments.count - 1] = .text(previous + addition)
        } else {
            segments.append(segment)
        }
    }

    public mutating func append(contentsOf message: Message) {
        for segment in message.segments {
            append(segment)
        }
    }

    public static func + (lhs: Message, rhs: Message) -> Message {
        var result = lhs
        result.append(contentsOf: rhs)
        return result
    }
}

extension Message: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: Segment...) {
        self.init(elements)
    }
}

extension Message: ExpressibleByStringInterpolation {
    /// Plain text; brackets and ampersands are sent as they are, never read as CQ codes.
    public init(stringLiteral value: String) {
        self.init(value.isEmpty ? [] : [.text(value)])
    }

    public init(stringInterpolation: Interpolation) {
        self = stringInterpolation.message
    }

    /// Interpolation that turns `\(at:)`, `\(image:)`, `\(face:)` and segments into segments and
    /// everything else into text.
    public struct Interpolation: StringInterpolationProtocol {
        fileprivate var message = Message()

        public init(literalCapacity: Int, interpolationCount: Int) {}

        public mutating func appendLiteral(_ literal: String) {
            if !literal.isEmpty { message.append(.text(literal)) }
        }

        public mutating func appendInterpolation(_ value: some CustomStringConvertible) {
            appendLiteral(value.description)
        }

        public mutating func appendInterpolation(_ segment: Segment) {
            message.append(segment)
        }

        public mutating func appendInterpolation(_ other: Message) {
            message.append(contentsOf: other)
        }

        public mutating func appendInterpolation(at user: ID) {
            message.append(.at(user))
        }

        public mutating func appendInterpolation(image url: URL) {
            message.append(.image(url: url))
        }

        public mutating func appendInterpolation(face id: Int) {
            message.append(.face(id))
        }
    }
}

extension Message {
    /// Builds a message from strings, segments and other messages.
    public init(@MessageBuilder _ build: () -> Message) {
        self = build()
    }
}

/// Builds a ``Message``; adjacent text is joined into one segment.
@resultBuilder
public enum MessageBuilder {
    public static func buildExpression(_ text: String) -> Message { Message(stringLiteral: text) }
    public static func buildExpression(_ segment: Segment) -> Message { Message([segment]) }
    public static func buildExpression(_ message: Message) -> Message { message }
    public static func buildBlock(_ components: Message...) -> Message { components.reduce(Message(), +) }
    public static func buildOptional(_ component: Message?) -> Message { component ?? Message() }
    public static func buildEither(first component: Message) -> Message { component }
    public static func buildEither(second component: Message) -> Message { component }
    public static func buildArray(_ components: [Message]) -> Message { components.reduce(Message(), +) }
}
