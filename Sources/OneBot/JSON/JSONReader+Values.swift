import Foundation
import VioCore

extension JSONReader {
    /// Reads a string, resolving escapes; invalid UTF-8 becomes U+FFFD.
    mutating func readString() throws -> String {
        guard peek() == .quote else { throw error("expected a string") }
        let start = index + 1
        var cursor = start
        while cursor < bytes.count {
            let byte = bytes[cursor]
            if byte == .quote {
                index = cursor + 1
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<cursor]), as: UTF8.self)
            }
            if byte == .backslash { break }
            cursor += 1
        }
        return try readEscapedString(from: start)
    }

    private mutating func readEscapedString(from start: Int) throws -> String {
        var utf8: [UInt8] = []
        utf8.reserveCapacity(64)
        index = start
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case .quote:
                return String(decoding: utf8, as: UTF8.self)
            case .backslash:
                try appendEscape(to: &utf8)
            default:
                utf8.append(byte)
            }
        }
        throw error("unterminated string")
    }

    private mutating func appendEscape(to utf8: inout [UInt8]) throws {
        guard index < bytes.count else { throw error("unterminated escape") }
        let byte = bytes[index]
        index += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(byte)
        case UInt8(ascii: "b"): utf8.append(0x08)
        case UInt8(ascii: "f"): utf8.append(0x0C)
        case UInt8(ascii: "n"): utf8.append(.newline)
        case UInt8(ascii: "r"): utf8.append(.carriageReturn)
        case UInt8(ascii: "t"): utf8.append(.tab)
        case UInt8(ascii: "u"): utf8.append(contentsOf: String(Character(try readUnicodeEscape())).utf8)
        default: throw error("unknown escape '\\\(Character(Unicode.Scalar(byte)))'")
        }
    }

    /// The scalar of a `\uXXXX` escape (the `\u` already read), joining surrogate pairs.
    private mutating func readUnicodeEscape() throws -> Unicode.Scalar {
        let unit = try readHex4()
        if (0xD800..<0xDC00).contains(unit), consume("\\u") {
            let low = try readHex4()
            if (0xDC00..<0xE000).contains(low) {
                let value = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
                return Unicode.Scalar(value) ?? "\u{FFFD}"
            }
            return "\u{FFFD}"
        }
        return Unicode.Scalar(UInt32(unit)) ?? "\u{FFFD}"
    }

    private mutating func readHex4() throws -> UInt16 {
        guard bytes.count - index >= 4 else { throw error("short \\u escape") }
        var value: UInt16 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            index += 1
            guard let digit = hexValue(byte) else { throw error("bad hex digit in \\u escape") }
            value = value << 4 | UInt16(digit)
        }
        return value
    }

    private func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// Moves past a string without building it.
    mutating func skipString() throws {
        guard peek() == .quote else { throw error("expected a string") }
        index += 1
        while index < bytes.count {
            switch bytes[index] {
            case .quote:
                index += 1
                return
            case .backslash:
                index += 2
            default:
                index += 1
            }
        }
        throw error("unterminated string")
    }

    /// Reads a number: an `.int` when it is a 64-bit integer, otherwise a `.double`.
    mutating func readNumber() throws -> JSONValue {
        let range = try numberRange()
        let slice = UnsafeBufferPointer(rebasing: bytes[range])
        if let integer = Self.integer(slice) { return .int(integer) }
        guard let double = Double(String(decoding: slice, as: UTF8.self)) else { throw error("bad number") }
        return .double(double)
    }

    private mutating func numberRange() throws -> Range<Int> {
        guard let first = peek(), first == .minus || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else {
            throw error("expected a number")
        }
        let start = index
        index += 1
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"),
                 UInt8(ascii: "+"), .minus:
                index += 1
            default:
                return start..<index
            }
        }
        return start..<index
    }

    /// The value of a decimal integer literal, or `nil` when it has a fraction, exponent or overflows.
    private static func integer(_ digits: UnsafeBufferPointer<UInt8>) -> Int64? {
        var iterator = digits.makeIterator()
        guard var byte = iterator.next() else { return nil }
        let negative = byte == .minus
        if negative {
            guard let next = iterator.next() else { return nil }
            byte = next
        }
        var value: Int64 = 0
        while true {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            let digit = Int64(byte - UInt8(ascii: "0"))
            let (shifted, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (next, overflow2) = negative ? shifted.subtractingReportingOverflow(digit) : shifted.addingReportingOverflow(digit)
            guard !overflow1, !overflow2 else { return nil }
            value = next
            guard let following = iterator.next() else { return value }
            byte = following
        }
    }

    /// Reads any value into a ``JSONValue``.
    mutating func readValue() throws -> JSONValue {
        switch peek() {
        case .quote:
            return .string(try readString())
        case .openBrace:
            var members: [String: JSONValue] = [:]
            try readObject { reader, key in members[key.string] = try reader.readValue() }
            return .object(members)
        case .openBracket:
            var elements: [JSONValue] = []
            try readArray { reader in elements.append(try reader.readValue()) }
            return .array(elements)
        default:
            if consume("null") { return .null }
            if consume("true") { return .bool(true) }
            if consume("false") { return .bool(false) }
            return try readNumber()
        }
    }

    /// Moves past any value, checking its structure only as far as needed to find its end.
    mutating func skipValue() throws {
        switch peek() {
        case .quote:
            try skipString()
        case .openBrace:
            try readObject { reader, _ in try reader.skipValue() }
        case .openBracket:
            try readArray { reader in try reader.skipValue() }
        default:
            if consume("null") || consume("true") || consume("false") { return }
            _ = try numberRange()
        }
    }

    /// Moves past a value and returns the bytes it spans.
    mutating func readRawValue() throws -> Range<Int> {
        _ = peek()
        let start = index
        try skipValue()
        return start..<index
    }
}
