import VioCore

extension Segment {
    /// A link card (`share`).
    public struct Share: SegmentPayload {
        public let data: SegmentData

        public init(data: SegmentData) {
            self.data = data
        }

        public init(url: String, title: String, content: String? = nil, image: String? = nil) {
            self.init(data: SegmentData([
                "url": .string(url), "title": .string(title),
                "content": content.map(JSONValue.string), "image": image.map(JSONValue.string),
            ]))
        }

        public var url: String? { data.text("url") }
        public var title: String? { data.text("title") }
        public var content: String? { data.text("content") }
        public var image: String? { data.text("image") }
    }
}
