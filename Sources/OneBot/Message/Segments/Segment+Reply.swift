import VioCore

extension Segment {
    /// A quote of an earlier message (`reply`).
    public struct Reply: SegmentPayload {
        public let data: SegmentData

        public init(data: SegmentData) {
            self.data = data
        }

        public init(id: ID) {
            self.init(data: ["id": .string(id.description)])
        }

        /// The quoted message's id.
        public var id: ID? { data.id("id") }
    }
}
