/// Optional facts about a sent file that some send methods take (the initialisers of
/// ``SendAudio``, ``SendVideo``… offer the ones that apply).
public struct MediaAttributes: Encodable, Hashable, Sendable {
    /// Seconds.
    public var duration: Int?
    public var width: Int?
    public var height: Int?
    /// Audio: the artist.
    public var performer: String?
    /// Audio: the track name.
    public var title: String?
    /// Photos, videos and animations: blur until tapped.
    public var hasSpoiler: Bool?
    /// Videos: suitable for streaming.
    public var supportsStreaming: Bool?

    public init() {}

    enum CodingKeys: String, CodingKey {
        case duration, width, height, performer, title
        case hasSpoiler = "has_spoiler"
        case supportsStreaming = "supports_streaming"
    }
}
