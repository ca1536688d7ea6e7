extension Segment {
    /// A rich card as XML (`xml`) or JSON (`json`) text.
    public struct Card: SegmentPayload {
        public let data: SegmentData

        public init(data: SegmentData) {
            self.data = data
        }

        public init(_ content: String) {
            self.init(data: ["data": .string(content)])
        }

        /// The card's XML or JSON text.
        public var content: String? { data.text("data") }
    }
}
