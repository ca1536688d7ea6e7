/// The service message that opens a forum topic.
public struct ForumTopicCreated: Decodable, Hashable, Sendable {
    public var name: String
    /// The topic icon's colour as RGB.
    public var iconColor: Int?
    public var iconCustomEmojiID: String?

    enum CodingKeys: String, CodingKey {
        case name
        case iconColor = "icon_color"
        case iconCustomEmojiID = "icon_custom_emoji_id"
    }
}
