extension Segment {
    /// A merged-forward bundle received in a message (`forward`); fetch it with ``GetForwardMessage``.
    public struct Forward: SegmentPayload {
        public let data: SegmentData

        public init(data: SegmentData) {
            self.data = data
        }

        public init(id: String) {
            self.init(data: ["id": .string(id)])
        }

        /// The bundle's id, for `get_forward_msg`.
        public var id: String? { data.text("id") }
    }
}
