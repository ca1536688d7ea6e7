/// A string from a set providers keep extending (roles, finish reasons): the known values are
/// constants, and any other value decodes and encodes as it is instead of failing.
///
/// ```swift
/// struct Mood: ExtensibleStringValue {
///     let rawValue: String
///     init(rawValue: String) { self.rawValue = rawValue }
///     static let happy: Mood = "happy"
/// }
/// ```
public protocol ExtensibleStringValue: RawRepresentable<String>, Hashable, Sendable, Codable,
    ExpressibleByStringLiteral, CustomStringConvertible {
    init(rawValue: String)
}

extension ExtensibleStringValue {
    public init(stringLiteral value: String) {
        self.init(rawValue: value)
    }

    public var description: String { rawValue }
}
