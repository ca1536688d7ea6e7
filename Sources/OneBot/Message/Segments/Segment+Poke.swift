import VioCore

extension Segment {
    /// A poke (`poke`): the spec's kinds by `type`/`id`, or go-cqhttp's poke of a member by `qq`.
    public struct Poke: SegmentPayload {
        public let data: SegmentData

        public init(data: SegmentData) {
            self.data = data
        }

        /// A spec poke of kind `type` and `id` (see the Mirai poke table).
        public init(type: String, id: String) {
            self.init(data: ["type": .string(type), "id": .string(id)])
        }

        /// A go-cqhttp poke of a group member.
        public init(user: ID) {
            self.init(data: ["qq": .string(user.description)])
        }

        public var kind: String? { data.text("type") }
        public var id: String? { data.text("id") }
        /// The poked member (go-cqhttp).
        public var user: ID? { data.id("qq") }
    }
}
