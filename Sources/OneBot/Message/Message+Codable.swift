import VioCore

extension Message: Codable {
    /// Decodes a segment array or a CQ-coded string; null is the empty message.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self.init()
        } else if let segments = try? container.decode([Segment].self) {
            self.init(segments)
        } else {
            self.init(cq: try container.decode(String.self))
        }
    }

    /// Encodes the array format.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(segments)
    }

    /// The message in array format as a JSON value.
    public var jsonValue: JSONValue {
        .array(segments.map(\.jsonValue))
    }

    /// The message a JSON value stands for: a CQ-coded string or a segment array; `nil` otherwise.
    public init?(jsonValue: JSONValue) {
        switch jsonValue {
        case .string(let string):
            self.init(cq: string)
        case .array(let elements):
            var segments: [Segment] = []
            segments.reserveCapacity(elements.count)
            for element in elements {
                guard let segment = Segment(jsonValue: element) else { return nil }
                segments.append(segment)
            }
            self.init(segments)
        default:
            return nil
        }
    }
}
