/// One size of a photo or thumbnail. A message's `photo` lists the sizes, the largest usually last.
public struct PhotoSize: Codable, Hashable, Sendable {
    /// Use it to send the same file again or to download it (bot-specific).
    public var fileID: String
    /// The same for every bot; cannot be used to download or resend.
    public var fileUniqueID: String
    public var width: Int
    public var height: Int
    public var fileSize: Int64?

    enum CodingKeys: String, CodingKey {
        case width, height
        case fileID = "file_id"
        case fileUniqueID = "file_unique_id"
        case fileSize = "file_size"
    }
}
