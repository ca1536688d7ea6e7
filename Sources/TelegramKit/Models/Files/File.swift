/// A file ready to download, as `getFile` returns it. Download it with ``TelegramClient/download(_:)``.
public struct File: Decodable, Hashable, Sendable {
    public var fileID: String
    public var fileUniqueID: String
    public var fileSize: Int64?
    /// The path to download from; a local Bot API server may give an absolute local path.
    public var filePath: String?

    enum CodingKeys: String, CodingKey {
        case fileID = "file_id"
        case fileUniqueID = "file_unique_id"
        case fileSize = "file_size"
        case filePath = "file_path"
    }
}
