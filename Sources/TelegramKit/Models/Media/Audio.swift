/// A music file, shown in Telegram's player.
public struct Audio: Codable, Hashable, Sendable {
    public var fileID: String
    public var fileUniqueID: String
    /// Seconds.
    public var duration: Int?
    public var performer: String?
    public var title: String?
    public var fileName: String?
    public var mimeType: String?
    public var fileSize: Int64?
    public var thumbnail: PhotoSize?

    enum CodingKeys: String, CodingKey {
        case duration, performer, title, thumbnail
        case fileID = "file_id"
        case fileUniqueID = "file_unique_id"
        case fileName = "file_name"
        case mimeType = "mime_type"
        case fileSize = "file_size"
    }
}
