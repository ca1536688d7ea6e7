import VioCore

extension Segment {
    /// A file sent in a chat (`file`, NapCat and LLOneBot).
    public struct File: SegmentPayload {
        public let data: SegmentData

        public init(data: SegmentData) {
            self.data = data
        }

        public init(file: String, name: String? = nil) {
            self.init(data: SegmentData(["file": .string(file), "name": name.map(JSONValue.string)]))
        }

        public var file: String? { data.text("file") }
        public var url: String? { data.text("url") }
        public var fileID: String? { data.text("file_id") }
        public var path: String? { data.text("path") }
        /// The size in bytes.
        public var size: Int64? { data.int64("file_size") }
    }
}
