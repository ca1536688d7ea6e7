import Foundation
import VioCore

/// The byte-level CQ-code parser behind ``CQCode/parse(_:)``.
struct CQParser {
    let bytes: UnsafeBufferPointer<UInt8>

    func segments() -> [Segment] {
        var segments: [Segment] = []
        var textStart = 0
        var cursor = 0
        while let open = firstIndex(of: .openBracket, from: cursor) {
            if let (segment, end) = code(at: open) {
                appendText(textStart..<open, to: &segments)
                segments.append(segment)
                textStart = end
                cursor = end
            } else {
                cursor = open + 1
            }
        }
        appendText(textStart..<bytes.count, to: &segments)
        return segments
    }

    private func appendText(_ range: Range<Int>, to segments: inout [Segment]) {
        guard !range.isEmpty else { return }
        segments.append(.text(Self.unescape(bytes[range])))
    }

    /// The code starting at `open` and the index after its `]`, or `nil` when it is not a
    /// well-formed code (the caller then keeps it as text).
    private func code(at open: Int) -> (Segment, Int)? {
        let bodyStart = open + 4
        guard bodyStart < bytes.count, bytes[open + 1] == UInt8(ascii: "C"), bytes[open + 2] == UInt8(ascii: "Q"),
              bytes[open + 3] == .colon else { return nil }
        var close = bodyStart
        while close < bytes.count, bytes[close] != .closeBracket {
            if bytes[close] == .openBracket { return nil }
            close += 1
        }
        guard close < bytes.count else { return nil }
        var parts = bytes[bodyStart..<close].split(separator: .comma, omittingEmptySubsequences: false)[...]
        guard let typeBytes = parts.popFirst(), !typeBytes.isEmpty, !typeBytes.contains(.equals) else { return nil }
        var fields: [SegmentData.Field] = []
        fields.reserveCapacity(parts.count)
        for part in parts {
            guard let equals = part.firstIndex(of: .equals), equals > part.startIndex else { return nil }
            let key = String(decoding: UnsafeBufferPointer(rebasing: bytes[part.startIndex..<equals]), as: UTF8.self)
            let value = Self.unescape(bytes[(equals + 1)..<part.endIndex])
            fields.append(SegmentData.Field(key: key, value: .string(value)))
        }
        let type = String(decoding: UnsafeBufferPointer(rebasing: typeBytes), as: UTF8.self)
        return (Segment(type: type, data: SegmentData(fields)), close + 1)
    }

    private func firstIndex(of byte: UInt8, from start: Int) -> Int? {
        guard start < bytes.count, let base = bytes.baseAddress else { return nil }
        guard let found = memchr(base + start, Int32(byte), bytes.count - start) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// The text of `slice` with `&amp;` `&#91;` `&#93;` `&#44;` resolved; other `&`s stay as they are.
    static func unescape(_ slice: Slice<UnsafeBufferPointer<UInt8>>) -> String {
        guard slice.contains(.ampersand) else {
            return String(decoding: UnsafeBufferPointer(rebasing: slice), as: UTF8.self)
        }
        var output: [UInt8] = []
        output.reserveCapacity(slice.count)
        var index = slice.startIndex
        while index < slice.endIndex {
            let byte = slice[index]
            if byte == .ampersand, let (replacement, length) = entity(in: slice, at: index) {
                output.append(replacement)
                index += length
            } else {
                output.append(byte)
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static let entities: [(StaticString, UInt8)] = [
        ("&amp;", .ampersand), ("&#91;", .openBracket), ("&#93;", .closeBracket), ("&#44;", .comma),
    ]

    private static func entity(in slice: Slice<UnsafeBufferPointer<UInt8>>, at index: Int) -> (UInt8, Int)? {
        for (name, replacement) in entities where slice.endIndex - index >= name.utf8CodeUnitCount {
            if (0..<name.utf8CodeUnitCount).allSatisfy({ slice[index + $0] == name.utf8Start[$0] }) {
                return (replacement, name.utf8CodeUnitCount)
            }
        }
        return nil
    }
}
