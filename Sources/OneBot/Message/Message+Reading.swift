import VioCore

extension Message {
    /// Reads `message` as peers send it: a segment array, a CQ-coded string or null.
    init(reading reader: inout JSONReader) throws {
        switch reader.peek() {
        case .openBracket:
            var segments: [Segment] = []
            try reader.readArray { reader in
                if let segment = try Segment(reading: &reader) { segments.append(segment) }
            }
            self.init(segments)
        case .quote:
            self.init(cq: try reader.readString())
        default:
            try reader.skipValue()
            self.init()
        }
    }
}

extension Segment {
    /// Reads one `{"type": …, "data": {…}}` object, in either key order; `nil` when it has no type.
    init?(reading reader: inout JSONReader) throws {
        var type: String?
        var data = SegmentData()
        try reader.readObject { reader, key in
            switch key {
            case "type": type = try reader.readLooseString()
            case "data": data = try SegmentData(reading: &reader)
            default: try reader.skipValue()
            }
        }
        guard let type else { return nil }
        self.init(type: type, data: data)
    }
}

extension SegmentData {
    /// Reads a data object in the order it arrived; anything but an object reads as empty.
    init(reading reader: inout JSONReader) throws {
        var fields: [Field] = []
        try reader.readObjectIfPresent { reader, key in
            let value: JSONValue = reader.peek() == .quote ? .string(try reader.readString()) : try reader.readValue()
            fields.append(Field(key: key.string, value: value))
        }
        self.init(fields)
    }
}
