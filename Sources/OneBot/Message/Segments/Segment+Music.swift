import VioCore

extension Segment {
    /// A music card (`music`): a song on QQ Music, NetEase (163) or Xiami by id, or a custom card.
    public struct Music: SegmentPayload {
        public let data: SegmentData

        public init(data: SegmentData) {
            self.data = data
        }

        /// A song of a platform (`"qq"`, `"163"`, `"xm"`) by its id there.
        public init(platform: String, id: String) {
            self.init(data: ["type": .string(platform), "id": .string(id)])
        }

        /// A custom card that plays `audio` and opens `url`.
        public init(url: String, audio: String, title: String, content: String? = nil, image: String? = nil) {
            self.init(data: SegmentData([
                "type": "custom", "url": .string(url), "audio": .string(audio), "title": .string(title),
                "content": content.map(JSONValue.string), "image": image.map(JSONValue.string),
            ]))
        }

        /// `qq`, `163`, `xm` or `custom`.
        public var platform: String? { data.text("type") }
        public var id: String? { data.text("id") }
        public var url: String? { data.text("url") }
        public var audio: String? { data.text("audio") }
        public var title: String? { data.text("title") }
    }
}
