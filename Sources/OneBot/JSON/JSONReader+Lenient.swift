import Foundation
import VioCore

/// Readers for fields that peers send in more than one shape. A value of another shape is skipped
/// and reads as `nil`: one odd field never costs the whole event.
extension JSONReader {
    /// A string, or a number or boolean in its JSON spelling.
    mutating func readLooseString() throws -> String? {
        switch peek() {
        case .quote:
            return try readString()
        case .openBrace, .openBracket:
            try skipValue()
            return nil
        default:
            if consume("null") { return nil }
            if consume("true") { return "true" }
            if consume("false") { return "false" }
            return try readNumber().textValue
        }
    }

    /// A 64-bit integer sent as a number or a numeric string.
    mutating func readLooseInt64() throws -> Int64? {
        switch peek() {
        case .quote?:
            return Int64(try readString())
        case .some(.minus), .some(UInt8(ascii: "0")...UInt8(ascii: "9")):
            return try readNumber().int64Value
        default:
            try skipValue()
            return nil
        }
    }

    /// An id sent as a number or a string.
    mutating func readID() throws -> ID? {
        switch peek() {
        case .quote?:
            return ID(try readString())
        case .some(.minus), .some(UInt8(ascii: "0")...UInt8(ascii: "9")):
            return try readNumber().int64Value.map { ID($0) }
        default:
            try skipValue()
            return nil
        }
    }

    /// A boolean; numbers count as `true` when non-zero.
    mutating func readLooseBool() throws -> Bool? {
        if consume("true") { return true }
        if consume("false") { return false }
        return try readLooseInt64().map { $0 != 0 }
    }

    /// A whole number that fits `Int`.
    mutating func readLooseInt() throws -> Int? {
        try readLooseInt64().flatMap { Int(exactly: $0) }
    }
}
