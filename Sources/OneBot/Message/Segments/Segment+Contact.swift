import VioCore

extension Segment {
    /// A recommended friend or group (`contact`).
    public struct Contact: SegmentPayload {
        public let data: SegmentData

        public init(data: SegmentData) {
            self.data = data
        }

        /// Recommends a user (`isGroup == false`) or a group.
        public init(id: ID, isGroup: Bool) {
            self.init(data: ["type": .string(isGroup ? "group" : "qq"), "id": .string(id.description)])
        }

        public var isGroup: Bool { data.text("type") == "group" }
        public var id: ID? { data.id("id") }
    }
}
