import Foundation
import VioCore

/// A forward-only JSON reader over UTF-8 bytes: the event path's one and only parse.
///
/// `JSONDecoder` costs ~15 µs for a typical 500-byte event on this project's machines; reading the
/// bytes directly into typed values costs a fraction of that. Every access is bounds-checked, so
/// any byte string yields a value or a ``JSONReaderError``, never a crash.
struct JSONReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0
    private var depth = 0
    private static let maxDepth = 128

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Runs `body` on a reader over `data` and checks that nothing but whitespace follows the value.
    static func read<T>(_ data: Data, _ body: (inout JSONReader) throws -> T) throws -> T {
        try data.withUnsafeBytes { raw in
            var reader = JSONReader(raw.assumingMemoryBound(to: UInt8.self))
            let value = try body(&reader)
            guard reader.peek() == nil else { throw reader.error("unexpected bytes after the JSON value") }
            return value
        }
    }

    func error(_ reason: String) -> JSONReaderError {
        JSONReaderError(offset: index, reason: reason)
    }

    /// The next non-whitespace byte, without consuming it; `nil` at the end.
    mutating func peek() -> UInt8? {
        while index < bytes.count {
            switch bytes[index] {
            case .space, .tab, .newline, .carriageReturn: index += 1
            default: return bytes[index]
            }
        }
        return nil
    }

    mutating func expect(_ byte: UInt8) throws {
        guard peek() == byte else { throw error("expected '\(Character(Unicode.Scalar(byte)))'") }
        index += 1
    }

    /// Consumes the literal `word` (`true`, `false`, `null`) if it comes next.
    mutating func consume(_ word: StaticString) -> Bool {
        guard peek() != nil, bytes.count - index >= word.utf8CodeUnitCount else { return false }
        for offset in 0..<word.utf8CodeUnitCount where bytes[index + offset] != word.utf8Start[offset] {
            return false
        }
        index += word.utf8CodeUnitCount
        return true
    }

    /// Reads an object, calling `body` for each member with the reader positioned at the value.
    /// `body` must consume the value (read or skip it).
    mutating func readObject(_ body: (inout JSONReader, JSONKey) throws -> Void) throws {
        try expect(.openBrace)
        try enter()
        defer { depth -= 1 }
        if peek() == .closeBrace {
            index += 1
            return
        }
        while true {
            guard peek() == .quote else { throw error("expected a member name") }
            let key = try readKey()
            try expect(.colon)
            try body(&self, key)
            switch peek() {
            case .comma: index += 1
            case .closeBrace: index += 1; return
            default: throw error("expected ',' or '}' in an object")
            }
        }
    }

    /// Reads an object like ``readObject(_:)`` if one comes next; skips any other value.
    /// Returns whether an object was read.
    @discardableResult
    mutating func readObjectIfPresent(_ body: (inout JSONReader, JSONKey) throws -> Void) throws -> Bool {
        guard peek() == .openBrace else {
            try skipValue()
            return false
        }
        try readObject(body)
        return true
    }

    /// Reads an array, calling `body` with the reader positioned at each element.
    mutating func readArray(_ body: (inout JSONReader) throws -> Void) throws {
        try expect(.openBracket)
        try enter()
        defer { depth -= 1 }
        if peek() == .closeBracket {
            index += 1
            return
        }
        while true {
            try body(&self)
            switch peek() {
            case .comma: index += 1
            case .closeBracket: index += 1; return
            default: throw error("expected ',' or ']' in an array")
            }
        }
    }

    private mutating func enter() throws {
        depth += 1
        guard depth <= Self.maxDepth else { throw error("JSON nested deeper than \(Self.maxDepth) levels") }
    }

    private mutating func readKey() throws -> JSONKey {
        let start = index + 1
        try skipString()
        let slice = UnsafeBufferPointer(rebasing: bytes[start..<(index - 1)])
        if slice.contains(.backslash) {
            index = start - 1
            return JSONKey(text: try readString())
        }
        return JSONKey(bytes: slice)
    }
}

/// A JSON document that could not be read: where and why.
struct JSONReaderError: Error, CustomStringConvertible {
    let offset: Int
    let reason: String

    var description: String { "invalid JSON at byte \(offset): \(reason)" }
}

/// A member name as it appears in the bytes; matches string literals in `switch` without allocating.
struct JSONKey {
    private let bytes: UnsafeBufferPointer<UInt8>?
    private let unescaped: String?

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        self.unescaped = nil
    }

    init(text: String) {
        self.bytes = nil
        self.unescaped = text
    }

    var string: String {
        if let unescaped { return unescaped }
        return bytes.map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    static func ~= (pattern: StaticString, key: JSONKey) -> Bool {
        guard let bytes = key.bytes else { return key.unescaped == pattern.description }
        guard bytes.count == pattern.utf8CodeUnitCount, let base = bytes.baseAddress else {
            return bytes.isEmpty && pattern.utf8CodeUnitCount == 0
        }
        return memcmp(base, pattern.utf8Start, bytes.count) == 0
    }
}

extension UInt8 {
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
    static let newline = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let quote = UInt8(ascii: "\"")
    static let backslash = UInt8(ascii: "\\")
    static let openBrace = UInt8(ascii: "{")
    static let closeBrace = UInt8(ascii: "}")
    static let openBracket = UInt8(ascii: "[")
    static let closeBracket = UInt8(ascii: "]")
    static let colon = UInt8(ascii: ":")
    static let comma = UInt8(ascii: ",")
    static let minus = UInt8(ascii: "-")
    static let ampersand = UInt8(ascii: "&")
    static let equals = UInt8(ascii: "=")
}
