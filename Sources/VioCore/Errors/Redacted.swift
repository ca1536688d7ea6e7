/// A secret (bot token, API key) that never prints itself.
///
/// `description` and string interpolation show at most its last four characters, so a log line or
/// error message can tell which key was used without revealing it.
///
/// ```swift
/// let key = Redacted("sk-abcdef123456")
/// print("using key \(key)")   // using key ••••3456
/// key.value                    // the real key, for the request only
/// ```
public struct Redacted: Hashable, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The secret itself. Use it to build the request; never log it.
    public let value: String

    public init(_ value: String) {
        self.value = value
    }

    public var description: String {
        value.count >= 12 ? "••••" + value.suffix(4) : "••••"
    }

    public var debugDescription: String { description }

    /// `text` with every occurrence of the secret replaced by its redacted form.
    public func scrub(_ text: String) -> String {
        value.isEmpty ? text : text.replacingOccurrences(of: value, with: description)
    }
}

extension Redacted: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) {
        self.init(value)
    }
}
