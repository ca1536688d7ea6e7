import VioCore

extension Segment {
    /// A picture (`image`).
    ///
    /// `file` is what to send: a URL, `file:///path` or `base64://…`. Received images also carry a
    /// download `url`.
    public struct Image: SegmentPayload {
        public let data: SegmentData

        public init(data: SegmentData) {
            self.data = data
        }

        public init(file: String, isFlash: Bool = false) {
            self.init(data: SegmentData(["file": .string(file), "type": isFlash ? "flash" : nil]))
        }

        public var file: String? { data.text("file") }
        /// Where to download the picture, on received images.
        public var url: String? { data.text("url") }
        /// Whether it is a flash picture that disappears once seen.
        public var isFlash: Bool { data.text("type") == "flash" }
        /// The text QQ shows for the picture, such as `[动画表情]`.
        public var summary: String? { data.text("summary") }
        /// 0 for a normal picture, 1 for a sticker (NapCat sends a number).
        public var subType: Int64? { data.int64("sub_type") }
    }
}
