import VioCore

extension Segment: Codable {
    private enum CodingKeys: String, CodingKey {
        case type, data
    }

    /// Decodes `{"type": …, "data": {…}}`; `data` may be missing or null.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let type = try container.decode(String.self, forKey: .type)
        let data = try container.decodeIfPresent(SegmentData.self, forKey: .data) ?? [:]
        self.init(type: type, data: data)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(type, forKey: .type)
        try container.encode(data, forKey: .data)
    }

    /// The segment as a JSON object, as it appears in array-format messages.
    public var jsonValue: JSONValue {
        ["type": .string(type), "data": data.jsonValue]
    }

    /// The segment a JSON object `{"type": …, "data": {…}}` stands for; `nil` for other values.
    public init?(jsonValue: JSONValue) {
        guard let type = jsonValue["type"]?.stringValue else { return nil }
        let members = jsonValue["data"]?.objectValue ?? [:]
        let fields = members.sorted { $0.key < $1.key }.map { SegmentData.Field(key: $0.key, value: $0.value) }
        self.init(type: type, data: SegmentData(fields))
    }
}

extension SegmentData: Codable {
    private struct FieldKey: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }

        init(stringValue: String) {
            self.stringValue = stringValue
        }

        init?(intValue: Int) {
            nil
        }
    }

    /// Decodes an object (fields sorted by name, since `JSONDecoder` does not keep order) or null.
    public init(from decoder: any Decoder) throws {
        if try decoder.singleValueContainer().decodeNil() {
            self.init()
            return
        }
        let container = try decoder.container(keyedBy: FieldKey.self)
        let fields = try container.allKeys.sorted { $0.stringValue < $1.stringValue }.map { key in
            Field(key: key.stringValue, value: try container.decode(JSONValue.self, forKey: key))
        }
        self.init(fields)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: FieldKey.self)
        for field in fields {
            try container.encode(field.value, forKey: FieldKey(stringValue: field.key))
        }
    }

    /// The data as a JSON object.
    public var jsonValue: JSONValue {
        .object(Dictionary(fields.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last }))
    }
}
