extension Segment {
    /// A sticker from the QQ sticker market (`mface`, NapCat).
    public struct MarketFace: SegmentPayload {
        public let data: SegmentData

        public init(data: SegmentData) {
            self.data = data
        }

        /// The sticker's name as QQ shows it, such as `[摸头]`.
        public var summary: String? { data.text("summary") }
        public var url: String? { data.text("url") }
        public var emojiID: String? { data.text("emoji_id") }
        public var packageID: Int64? { data.int64("emoji_package_id") }
        public var key: String? { data.text("key") }
    }
}
