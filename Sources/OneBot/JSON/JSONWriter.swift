import Foundation
import VioCore

/// Writes JSON text by hand for the frames a bot sends most (`send_msg` and friends), where
/// `JSONEncoder` costs more than all the rest of an event's way through.
///
/// The output is plain JSON: strings escaped as RFC 8259 requires, non-ASCII written as UTF-8,
/// object members in the order written (objects from `JSONValue` sorted by key).
struct JSONWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 256) {
        bytes.reserveCapacity(capacity)
    }

    var data: Data { Data(bytes) }

    /// Writes ASCII punctuation or a literal that needs no escaping.
    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Writes JSON that is already encoded.
    mutating func append(_ json: Data) {
        bytes.append(contentsOf: json)
    }

    mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): raw(#"\""#)
            case UInt8(ascii: "\\"): raw(#"\\"#)
            case UInt8(ascii: "\n"): raw(#"\n"#)
            case UInt8(ascii: "\r"): raw(#"\r"#)
            case UInt8(ascii: "\t"): raw(#"\t"#)
            case 0..<0x20:
                raw(#"\u00"#)
                bytes.append(Self.hexDigits[Int(byte >> 4)])
                bytes.append(Self.hexDigits[Int(byte & 0xF)])
            default:
                bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    mutating func integer(_ number: Int64) {
        bytes.append(contentsOf: String(number).utf8)
    }

    mutating func id(_ id: ID) {
        switch id.value {
        case .int(let number): integer(number)
        case .string(let text): string(text)
        }
    }

    /// Writes `"key":`, for the member that follows.
    mutating func key(_ key: String) {
        string(key)
        bytes.append(UInt8(ascii: ":"))
    }

    mutating func value(_ value: JSONValue) {
        switch value {
        case .null: raw("null")
        case .bool(let flag): flag ? raw("true") : raw("false")
        case .int(let number): integer(number)
        case .double(let number): number.isFinite ? bytes.append(contentsOf: "\(number)".utf8) : raw("null")
        case .string(let text): string(text)
        case .array(let elements):
            list(elements) { writer, element in writer.value(element) }
        case .object(let members):
            object(members.sorted { $0.key < $1.key }) { writer, member in
                writer.key(member.key)
                writer.value(member.value)
            }
        }
    }

    /// `[a,b,…]`, each element written by `write`.
    mutating func list<Elements: Sequence>(_ elements: Elements, _ write: (inout JSONWriter, Elements.Element) -> Void) {
        bytes.append(UInt8(ascii: "["))
        separated(elements, write)
        bytes.append(UInt8(ascii: "]"))
    }

    /// `{…}`, each member (key included) written by `write`.
    mutating func object<Members: Sequence>(_ members: Members, _ write: (inout JSONWriter, Members.Element) -> Void) {
        bytes.append(UInt8(ascii: "{"))
        separated(members, write)
        bytes.append(UInt8(ascii: "}"))
    }

    private mutating func separated<Elements: Sequence>(_ elements: Elements, _ write: (inout JSONWriter, Elements.Element) -> Void) {
        var first = true
        for element in elements {
            if !first { bytes.append(UInt8(ascii: ",")) }
            first = false
            write(&self, element)
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}

/// An action whose parameters are written by ``JSONWriter`` instead of `JSONEncoder`.
protocol JSONWritableParams {
    /// Writes the `params` object.
    func writeParams(to writer: inout JSONWriter)
}

extension Message {
    /// Writes the message as its `message` parameter: a segment array or a CQ string.
    func write(to writer: inout JSONWriter, format: MessageFormat) {
        switch format {
        case .string:
            writer.string(cqString)
        case .array:
            writer.list(segments) { writer, segment in
                writer.raw(#"{"type":"#)
                writer.string(segment.type)
                writer.raw(#","data":"#)
                writer.object(segment.data.fields) { writer, field in
                    writer.key(field.key)
                    writer.value(field.value)
                }
                writer.raw("}")
            }
        }
    }
}

extension SendMessage: JSONWritableParams {
    func writeParams(to writer: inout JSONWriter) {
        switch target {
        case .user(let user):
            writer.raw(#"{"message_type":"private","user_id":"#)
            writer.id(user)
        case .group(let group):
            writer.raw(#"{"message_type":"group","group_id":"#)
            writer.id(group)
        }
        writer.raw(#","message":"#)
        message.write(to: &writer, format: format)
        writer.raw("}")
    }
}
