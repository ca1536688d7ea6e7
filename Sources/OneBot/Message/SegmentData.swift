import VioCore

/// The `data` of a message segment: named values in the order they arrived.
///
/// The spec says values are strings; real peers also send numbers, booleans and nested arrays, so
/// values are ``JSONValue`` and the accessors coerce. Order is kept so a CQ code round-trips exactly;
/// equality ignores it, as JSON objects do, and compares numbers and booleans by their spelling, so
/// `qq: 123` from NapCat equals `qq=123` from a CQ string.
///
/// ```swift
/// let data: SegmentData = ["file": "a.jpg", "sub_type": 0]
/// data.text("sub_type")   // "0"
/// ```
public struct SegmentData: Sendable {
    /// One named value.
    public struct Field: Hashable, Sendable {
        public var key: String
        public var value: JSONValue

        public init(key: String, value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    public private(set) var fields: [Field]

    public init(_ fields: [Field] = []) {
        self.fields = fields
    }

    public var isEmpty: Bool { fields.isEmpty }

    /// The value named `key`; setting `nil` removes it, setting a new key appends it.
    public subscript(key: String) -> JSONValue? {
        get { fields.first { $0.key == key }?.value }
        set {
            let position = fields.firstIndex { $0.key == key }
            switch (position, newValue) {
            case (let position?, let value?): fields[position].value = value
            case (let position?, nil): fields.remove(at: position)
            case (nil, let value?): fields.append(Field(key: key, value: value))
            case (nil, nil): break
            }
        }
    }

    /// The value named `key` as text: strings as they are, numbers and booleans spelled out.
    public func text(_ key: String) -> String? {
        self[key]?.textValue
    }

    /// The value named `key` as an integer, from a number or a numeric string.
    public func int64(_ key: String) -> Int64? {
        self[key]?.int64Value
    }

    /// The value named `key` as an id, from a number or a string.
    public func id(_ key: String) -> ID? {
        switch self[key] {
        case .int(let number)?: ID(number)
        case .string(let text)?: ID(text)
        default: nil
        }
    }

    /// The value named `key` as a boolean, from `true`/`false`, `1`/`0` or their spellings as text.
    public func bool(_ key: String) -> Bool? {
        switch self[key] {
        case .bool(let flag)?: flag
        case .int(let number)?: number != 0
        case .string("true")?, .string("1")?: true
        case .string("false")?, .string("0")?: false
        default: nil
        }
    }
}

extension SegmentData: Hashable {
    public static func == (lhs: SegmentData, rhs: SegmentData) -> Bool {
        lhs.fields.count == rhs.fields.count && lhs.fields.allSatisfy { field in
            rhs[field.key].map(Self.comparable) == Self.comparable(field.value)
        }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(fields.count)
        hasher.combine(fields.reduce(0) { $0 ^ Field(key: $1.key, value: Self.comparable($1.value)).hashValue })
    }

    /// Scalars as the text the string format would carry; arrays and objects as they are.
    private static func comparable(_ value: JSONValue) -> JSONValue {
        value.textValue.map(JSONValue.string) ?? value
    }
}

extension SegmentData: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(elements.map { Field(key: $0.0, value: $0.1) })
    }
}

extension SegmentData {
    /// Builds data from optional values, leaving out the `nil` ones.
    init(_ pairs: KeyValuePairs<String, JSONValue?>) {
        self.init(pairs.compactMap { key, value in value.map { Field(key: key, value: $0) } })
    }
}
