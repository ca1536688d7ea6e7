extension Segment {
    /// Markdown text (`markdown`, NapCat and Lagrange).
    public struct Markdown: SegmentPayload {
        public let data: SegmentData

        public init(data: SegmentData) {
            self.data = data
        }

        public init(_ content: String) {
            self.init(data: ["content": .string(content)])
        }

        public var content: String? { data.text("content") }
    }
}
