/// A video file.
public struct Video: Codable, Hashable, Sendable {
    public var fileID: String
    public var fileUniqueID: String
    public var width: Int?
    public var height: Int?
    /// Seconds.
    public var duration: Int?
    public var thumbnail: PhotoSize?
    public var fileName: String?
    public var mimeType: String?
    public var fileSize: Int64?

    enum CodingKeys: String, CodingKey {
        case width, height, duration, thumbnail
        case fileID = "file_id"
        case fileUniqueID = "file_unique_id"
        case fileName = "file_name"
        case mimeType = "mime_type"
        case fileSize = "file_size"
    }
}
