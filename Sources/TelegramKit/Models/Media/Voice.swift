/// A voice message (OGG/Opus).
public struct Voice: Codable, Hashable, Sendable {
    public var fileID: String
    public var fileUniqueID: String
    /// Seconds.
    public var duration: Int?
    public var mimeType: String?
    public var fileSize: Int64?

    enum CodingKeys: String, CodingKey {
        case duration
        case fileID = "file_id"
        case fileUniqueID = "file_unique_id"
        case mimeType = "mime_type"
        case fileSize = "file_size"
    }
}
