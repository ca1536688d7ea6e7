/// An identifier as chat platforms send it: a 64-bit integer (QQ numbers, Telegram chat ids such as
/// `-1001234567890`) or an opaque string.
///
/// Numeric strings in canonical form are stored as integers, so `ID("123") == ID(123)` and an id that
/// one peer sends as a number and another as a string compares equal. Nothing is ever rounded.
///
/// ```swift
/// let group: ID = 123456789
/// let file: ID = "c0ffee"
/// group.int64Value // 123456789
/// ```
public struct ID: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// How the identifier is held.
    public enum Value: Hashable, Sendable {
        case int(Int64)
        case string(String)
    }

    /// The identifier itself.
    public let value: Value

    /// An integer identifier.
    public init(_ value: Int64) {
        self.value = .int(value)
    }

    /// An identifier from text; canonical decimal integers (`"42"`, `"-7"`) become integer ids.
    public init(_ text: String) {
        if let number = Int64(text), String(number) == text {
            value = .int(number)
        } else {
            value = .string(text)
        }
    }

    /// The integer value, when the identifier is numeric.
    public var int64Value: Int64? {
        if case .int(let number) = value { return number }
        return nil
    }

    public var description: String {
        switch value {
        case .int(let number): String(number)
        case .string(let text): text
        }
    }

    /// Integers sort numerically and before strings; strings sort lexically.
    public static func < (lhs: ID, rhs: ID) -> Bool {
        switch (lhs.value, rhs.value) {
        case (.int(let a), .int(let b)): a < b
        case (.int, .string): true
        case (.string, .int): false
        case (.string(let a), .string(let b)): a < b
        }
    }
}

extension ID: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int64) {
        self.init(value)
    }
}

extension ID: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) {
        self.init(value)
    }
}

extension ID: Codable {
    /// Decodes from a JSON number or string.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Int64.self) {
            self.init(number)
        } else {
            self.init(try container.decode(String.self))
        }
    }

    /// Encodes integers as JSON numbers and other ids as strings.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch value {
        case .int(let number): try container.encode(number)
        case .string(let text): try container.encode(text)
        }
    }
}
