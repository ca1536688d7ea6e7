import Foundation
import VioCore

/// CQ codes: OneBot's string form of a message, such as `[CQ:at,qq=10001000] hello`.
///
/// Parsing never throws and never loses characters: a malformed code (`[CQ:face` without `]`,
/// a parameter without `=`) stays as text. Serializing escapes exactly as OneBot requires: in text
/// `&` `[` `]` become `&amp;` `&#91;` `&#93;`; in parameter values `,` also becomes `&#44;`.
///
/// ```swift
/// let segments = CQCode.parse("[CQ:face,id=178]看看我刚拍的照片")
/// CQCode.serialize(segments) // "[CQ:face,id=178]看看我刚拍的照片"
/// ```
public enum CQCode {
    /// The segments of a CQ-coded string.
    public static func parse(_ string: String) -> [Segment] {
        var string = string
        return string.withUTF8 { CQParser(bytes: $0).segments() }
    }

    /// The CQ-coded string of `segments`.
    public static func serialize(_ segments: [Segment]) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(64)
        for segment in segments {
            append(segment, to: &output)
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// `text` escaped for use outside CQ codes, or, with `inParameter`, as a parameter value.
    public static func escape(_ text: String, inParameter: Bool = false) -> String {
        var output: [UInt8] = []
        appendEscaped(text, inParameter: inParameter, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// `text` with the four CQ escapes resolved.
    public static func unescape(_ text: String) -> String {
        var text = text
        return text.withUTF8 { CQParser.unescape($0[...]) }
    }

    private static func append(_ segment: Segment, to output: inout [UInt8]) {
        if case .text(let text) = segment {
            appendEscaped(text, inParameter: false, to: &output)
            return
        }
        output.append(contentsOf: "[CQ:".utf8)
        output.append(contentsOf: segment.type.utf8)
        for field in segment.data.fields {
            output.append(.comma)
            output.append(contentsOf: field.key.utf8)
            output.append(.equals)
            appendEscaped(parameterText(field.value), inParameter: true, to: &output)
        }
        output.append(.closeBracket)
    }

    /// How a data value is spelled inside a CQ code: scalars as text, segment arrays as nested CQ
    /// strings (forward node content), anything else as compact JSON.
    private static func parameterText(_ value: JSONValue) -> String {
        if let text = value.textValue { return text }
        if let message = Message(jsonValue: value), case .array = value { return message.cqString }
        if value.isNull { return "" }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    private static func appendEscaped(_ text: String, inParameter: Bool, to output: inout [UInt8]) {
        for byte in text.utf8 {
            switch byte {
            case .ampersand: output.append(contentsOf: "&amp;".utf8)
            case .openBracket: output.append(contentsOf: "&#91;".utf8)
            case .closeBracket: output.append(contentsOf: "&#93;".utf8)
            case .comma where inParameter: output.append(contentsOf: "&#44;".utf8)
            default: output.append(byte)
            }
        }
    }
}
