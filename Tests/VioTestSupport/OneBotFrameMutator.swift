import Foundation
import VioCore

/// Makes broken copies of real OneBot frames, the way peers and networks break them: fields
/// removed, values of the wrong type, numbers past 64 bits, truncated frames, deeply nested
/// arrays, very long strings, lone surrogate escapes, broken CQ codes, flipped bytes.
///
/// Deterministic for a seed, so a failing frame can be found again by its index.
///
/// ```swift
/// var mutator = OneBotFrameMutator(corpus: recordedFrames, seed: 2026)
/// for _ in 0..<5_000 { feed(mutator.next()) }
/// ```
public struct OneBotFrameMutator {
    public enum Mutation: CaseIterable, Sendable {
        case removeField, wrongType, hugeNumber, truncate, deepNesting, longString, loneSurrogate, brokenCQCode, flipBytes, duplicateKey
    }

    private let corpus: [JSONValue]
    private var generator: SeededGenerator
    /// The longest string a ``Mutation/longString`` writes.
    public var maximumStringLength = 200_000

    /// - Parameter corpus: frames to start from; those that are not JSON objects are left out.
    public init(corpus: [Data], seed: UInt64) {
        self.corpus = corpus.compactMap { try? JSONDecoder().decode(JSONValue.self, from: $0) }.filter { $0.objectValue != nil }
        generator = SeededGenerator(seed: seed)
    }

    /// A mutated copy of a random corpus frame: one to three mutations.
    public mutating func next() -> Data {
        guard let original = corpus.randomElement(using: &generator) else { return Data("{}".utf8) }
        var value = original
        var raw: [String] = []
        var textMutations: [Mutation] = []
        for _ in 0..<Int.random(in: 1...3, using: &generator) {
            let mutation = Mutation.allCases.randomElement(using: &generator) ?? .removeField
            switch mutation {
            case .truncate, .flipBytes, .duplicateKey: textMutations.append(mutation)
            default: mutate(&value, with: mutation, raw: &raw)
            }
        }
        var text = encode(value)
        for (index, replacement) in raw.enumerated() {
            text = text.replacingOccurrences(of: "\"\(Self.placeholder(index))\"", with: replacement)
        }
        var bytes = Array(text.utf8)
        for mutation in textMutations { mutate(&bytes, with: mutation) }
        return Data(bytes)
    }

    private static func placeholder(_ index: Int) -> String { "@@raw\(index)@@" }

    private func encode(_ value: JSONValue) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    // MARK: Mutations of the value

    private mutating func mutate(_ value: inout JSONValue, with mutation: Mutation, raw: inout [String]) {
        let paths = Self.paths(in: value)
        guard let path = paths.randomElement(using: &generator) else { return }
        switch mutation {
        case .removeField:
            value = Self.removing(path, from: value)
        case .wrongType:
            let current = Self.value(at: path, in: value)
            value = Self.replacing(path, in: value, with: wrongType(for: current))
        case .hugeNumber:
            let numbers = ["18446744073709551616", "-9223372036854775809", "123456789012345678901234567890", "1e400", "-1e-400", "9223372036854775807.5", "0x10", "-", "1.", "01"]
            value = rawReplacing(path, in: value, with: numbers.randomElement(using: &generator) ?? "1e400", raw: &raw)
        case .deepNesting:
            let depth = [64, 127, 128, 129, 1_000, 20_000].randomElement(using: &generator) ?? 1_000
            let balanced = Bool.random(using: &generator)
            let nested = String(repeating: "[", count: depth) + (balanced ? String(repeating: "]", count: depth) : "")
            value = rawReplacing(path, in: value, with: nested, raw: &raw)
        case .longString:
            let length = Int.random(in: 1_000...maximumStringLength, using: &generator)
            let unit = ["a", "字", "😀", "\\", "[CQ:face,id=1]"].randomElement(using: &generator) ?? "a"
            value = Self.replacing(path, in: value, with: .string(String(repeating: unit, count: length / unit.utf8.count)))
        case .loneSurrogate:
            let escapes = [#""\ud800""#, #""\udc00x""#, #""abc\ud83d""#, #""\ud83d\u0041""#, #""\ud83d\ude00\udc00""#, #""\u12""#, #""\uZZZZ""#]
            value = rawReplacing(path, in: value, with: escapes.randomElement(using: &generator) ?? #""\ud800""#, raw: &raw)
        case .brokenCQCode:
            let broken = ["[CQ:", "[CQ:at,qq=", "[CQ:image,file=a.jpg,url=", "[CQ:]", "[CQ:at,qq=all", "[[CQ:at,qq=1]]", "&#91;CQ:at&#93;",
                          "[CQ:face,id=&#44;]", "[CQ:reply,id=]/ping", "[CQ:at,qq=9223372036854775808] /ping", "[CQ:at,,,=]", "[CQ:image,file=\u{0}]",
                          "[CQ:" + String(repeating: "a,", count: 5_000) + "]", "&#", "&amp", "[CQ:text,text=[CQ:at,qq=1]]"]
            let text = (broken.randomElement(using: &generator) ?? "[CQ:") + (Bool.random(using: &generator) ? " /ping" : "")
            for key in ["message", "raw_message"] where value[key] != nil {
                value = Self.replacing([.key(key)], in: value, with: .string(text))
            }
        case .truncate, .flipBytes, .duplicateKey:
            break
        }
    }

    private mutating func wrongType(for value: JSONValue?) -> JSONValue {
        let choices: [JSONValue] = switch value {
        case .string?: [.int(42), .null, .array([]), .object([:]), .bool(true), .double(-0.5)]
        case .int?, .double?: [.string("12x"), .string(""), .null, .bool(false), .array([.int(1)]), .string("-9223372036854775808")]
        case .bool?: [.string("true"), .int(1), .null]
        case .array?: [.string("[CQ:face,id=1]"), .object(["type": .string("text")]), .null, .int(0), .array([.null, .int(1), .string("x")])]
        case .object?: [.array([]), .string("{}"), .null, .int(7), .object(["data": .string("oops")])]
        case .null?, nil: [.string("null"), .int(0), .object([:])]
        }
        return choices.randomElement(using: &generator) ?? .null
    }

    private func rawReplacing(_ path: [PathStep], in value: JSONValue, with text: String, raw: inout [String]) -> JSONValue {
        raw.append(text)
        return Self.replacing(path, in: value, with: .string(Self.placeholder(raw.count - 1)))
    }

    // MARK: Mutations of the bytes

    private mutating func mutate(_ bytes: inout [UInt8], with mutation: Mutation) {
        switch mutation {
        case .truncate:
            bytes = Array(bytes.prefix(Int.random(in: 0..<max(bytes.count, 1), using: &generator)))
        case .flipBytes:
            guard !bytes.isEmpty else { return }
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                let index = Int.random(in: bytes.indices, using: &generator)
                bytes[index] = [0x00, 0xFF, 0xC0, 0xE4, 0x22, 0x5C, 0x7B, 0x5D, UInt8.random(in: 0...255, using: &generator)].randomElement(using: &generator) ?? 0
            }
        case .duplicateKey:
            guard bytes.last == UInt8(ascii: "}") else { return }
            let member = [#","post_type":"notice""#, #","message_type":"group""#, #","user_id":"not a number""#, #","message":null"#, #","self_id":1"#]
            bytes.removeLast()
            bytes += Array((member.randomElement(using: &generator) ?? "").utf8) + [UInt8(ascii: "}")]
        default:
            break
        }
    }

    // MARK: Paths into a value

    private enum PathStep: Hashable {
        case key(String)
        case index(Int)
    }

    /// Every path to a value inside `value` (not the root), in a fixed order.
    private static func paths(in value: JSONValue, prefix: [PathStep] = []) -> [[PathStep]] {
        switch value {
        case .object(let members):
            members.keys.sorted().flatMap { key in [prefix + [.key(key)]] + paths(in: members[key] ?? .null, prefix: prefix + [.key(key)]) }
        case .array(let elements):
            elements.indices.flatMap { index in [prefix + [.index(index)]] + paths(in: elements[index], prefix: prefix + [.index(index)]) }
        default:
            []
        }
    }

    private static func value(at path: [PathStep], in value: JSONValue) -> JSONValue? {
        path.reduce(Optional(value)) { current, step in
            switch step {
            case .key(let key): current?[key]
            case .index(let index): current?[index]
            }
        }
    }

    private static func replacing(_ path: [PathStep], in value: JSONValue, with replacement: JSONValue?) -> JSONValue {
        guard let step = path.first else { return replacement ?? .null }
        switch (value, step) {
        case (.object(var members), .key(let key)):
            if path.count == 1, replacement == nil {
                members[key] = nil
            } else {
                members[key] = replacing(Array(path.dropFirst()), in: members[key] ?? .null, with: replacement)
            }
            return .object(members)
        case (.array(var elements), .index(let index)) where elements.indices.contains(index):
            if path.count == 1, replacement == nil {
                elements.remove(at: index)
            } else {
                elements[index] = replacing(Array(path.dropFirst()), in: elements[index], with: replacement)
            }
            return .array(elements)
        default:
            return value
        }
    }

    private static func removing(_ path: [PathStep], from value: JSONValue) -> JSONValue {
        replacing(path, in: value, with: nil)
    }
}
