import VioCore

extension Segment {
    /// A place on the map (`location`).
    public struct Location: SegmentPayload {
        public let data: SegmentData

        public init(data: SegmentData) {
            self.data = data
        }

        public init(latitude: Double, longitude: Double, title: String? = nil, content: String? = nil) {
            self.init(data: SegmentData([
                "lat": .string(String(latitude)), "lon": .string(String(longitude)),
                "title": title.map(JSONValue.string), "content": content.map(JSONValue.string),
            ]))
        }

        public var latitude: Double? { data["lat"]?.doubleValue }
        public var longitude: Double? { data["lon"]?.doubleValue }
        public var title: String? { data.text("title") }
        public var content: String? { data.text("content") }
    }
}
