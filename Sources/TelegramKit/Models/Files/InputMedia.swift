/// One item of an album sent with ``SendMediaGroup``.
///
/// ```swift
/// SendMediaGroup(chatID: chat, media: [
///     InputMedia(.photo, media: .url(first), caption: "Our trip"),
///     InputMedia(.photo, media: .upload(secondData, filename: "2.jpg")),
/// ])
/// ```
public struct InputMedia: Encodable, Hashable, Sendable {
    public var type: Kind
    public var media: InputFile
    public var caption: String?
    public var parseMode: ParseMode?
    public var captionEntities: [MessageEntity]?
    public var hasSpoiler: Bool?

    public init(_ type: Kind, media: InputFile, caption: String? = nil, parseMode: ParseMode? = nil, hasSpoiler: Bool? = nil) {
        self.type = type
        self.media = media
        self.caption = caption
        self.parseMode = parseMode
        self.hasSpoiler = hasSpoiler
    }

    enum CodingKeys: String, CodingKey {
        case type, media, caption
        case parseMode = "parse_mode"
        case captionEntities = "caption_entities"
        case hasSpoiler = "has_spoiler"
    }

    /// What an album item is. Photos and videos mix; audio and documents only group with their own kind.
    public enum Kind: String, Encodable, Hashable, Sendable {
        case photo, video, audio, document
    }
}
