extension Segment {
    /// A built-in QQ face (`face`), by its numeric id.
    public struct Face: SegmentPayload {
        public let data: SegmentData

        public init(data: SegmentData) {
            self.data = data
        }

        public init(id: Int) {
            self.init(data: ["id": .string(String(id))])
        }

        public var id: Int64? { data.int64("id") }
    }
}
