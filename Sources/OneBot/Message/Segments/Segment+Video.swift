extension Segment {
    /// A short video (`video`).
    public struct Video: SegmentPayload {
        public let data: SegmentData

        public init(data: SegmentData) {
            self.data = data
        }

        public init(file: String) {
            self.init(data: ["file": .string(file)])
        }

        public var file: String? { data.text("file") }
        public var url: String? { data.text("url") }
        /// The cover picture, when given.
        public var cover: String? { data.text("cover") }
    }
}
