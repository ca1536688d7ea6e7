extension Segment {
    /// A voice clip (`record`).
    public struct Record: SegmentPayload {
        public let data: SegmentData

        public init(data: SegmentData) {
            self.data = data
        }

        public init(file: String) {
            self.init(data: ["file": .string(file)])
        }

        public var file: String? { data.text("file") }
        public var url: String? { data.text("url") }
        /// Whether the voice is altered (`magic=1`).
        public var isMagic: Bool { data.bool("magic") ?? false }
    }
}
