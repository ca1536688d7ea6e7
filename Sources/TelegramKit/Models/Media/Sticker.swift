/// A sticker: static (WebP), animated (TGS) or video (WebM).
public struct Sticker: Codable, Hashable, Sendable {
    public var fileID: String
    public var fileUniqueID: String
    /// `regular`, `mask` or `custom_emoji`.
    public var type: String?
    public var width: Int?
    public var height: Int?
    public var isAnimated: Bool?
    public var isVideo: Bool?
    public var thumbnail: PhotoSize?
    /// The emoji the sticker stands for.
    public var emoji: String?
    public var setName: String?
    public var fileSize: Int64?

    enum CodingKeys: String, CodingKey {
        case type, width, height, thumbnail, emoji
        case fileID = "file_id"
        case fileUniqueID = "file_unique_id"
        case isAnimated = "is_animated"
        case isVideo = "is_video"
        case setName = "set_name"
        case fileSize = "file_size"
    }
}
