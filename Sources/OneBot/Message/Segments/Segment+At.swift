import VioCore

extension Segment {
    /// A mention (`at`) of one member or of everyone.
    public struct At: SegmentPayload {
        /// Who is mentioned.
        public enum Target: Hashable, Sendable {
            case user(ID)
            /// `@全体成员`.
            case all
        }

        public let data: SegmentData

        public init(data: SegmentData) {
            self.data = data
        }

        public init(_ target: Target, name: String? = nil) {
            let qq: JSONValue = switch target {
            case .user(let id): .string(id.description)
            case .all: "all"
            }
            self.init(data: SegmentData(["qq": qq, "name": name.map(JSONValue.string)]))
        }

        /// The mentioned user or everyone; `nil` when `qq` is missing.
        public var target: Target? {
            guard let qq = data.id("qq") else { return nil }
            return qq == "all" ? .all : .user(qq)
        }

        /// The name to show when the user is not in the group (go-cqhttp).
        public var name: String? { data.text("name") }
    }
}
