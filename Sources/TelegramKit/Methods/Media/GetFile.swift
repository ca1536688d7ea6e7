/// `getFile`: prepares a file for download; then fetch it with ``TelegramClient/download(_:)``.
///
/// ```swift
/// let file = try await client.call(GetFile(fileID: voice.fileID))
/// let bytes = try await client.download(file)
/// ```
public struct GetFile: TelegramMethod {
    public typealias Result = File
    public static let name = "getFile"

    public var fileID: String

    public init(fileID: String) {
        self.fileID = fileID
    }

    enum CodingKeys: String, CodingKey {
        case fileID = "file_id"
    }
}
