/// A secret (bot token, API key) that never prints itself.
///
/// `description` and string interpolation show at most its first three and last four characters
/// (the last four only when it is shorter than twenty, nothing when shorter than twelve), so a log
/// line or error message can tell which key was used without revealing it.
///
/// ```swift
/// let key = Redacted("sk-proj-abcdef123456")
/// print("using key \(key)")   // using key sk-…3456
/// key.value                    // the real key, for the request only
/// ```
public struct Redacted: Hashable, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The secret itself. Use it to build the request; never log it.
    public let value: String

    public init(_ value: String) {
        self.value = value
    }

    public var description: String {
        switch value.count {
        case 20...: value.prefix(3) + "…" + value.suffix(4)
        case 12..<20: "…" + value.suffix(4)
        default: "…"
        }
    }

    public var debugDescription: String { description }

    /// Whether `presented` is the secret, compared in constant time: every byte is compared
    /// whatever the first difference, so the time taken tells nothing about the secret.
    ///
    /// ```swift
    /// guard apiKey.matches(bearerToken) else { return Response(status: .unauthorized) }
    /// ```
    public func matches(_ presented: String) -> Bool {
        let lhs = Array(presented.utf8)
        let rhs = Array(value.utf8)
        var difference = UInt8(lhs.count == rhs.count ? 0 : 1)
        for index in 0..<max(lhs.count, rhs.count) {
            let left = index < lhs.count ? lhs[index] : 0
            let right = index < rhs.count ? rhs[index] : 0
            difference |= left ^ right
        }
        return difference == 0
    }

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
