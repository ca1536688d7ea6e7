import Foundation
import VioCore

extension TelegramClient {
    /// The download link of a file from `getFile`. It contains the bot token: never log or share it.
    ///
    /// `nil` when the file has no path (it is too big for the cloud API) or the token does not fit a URL.
    public func downloadURL(for file: File) -> URL? {
        guard let path = file.filePath else { return nil }
        return endpoint("file/bot", path)
    }

    /// Downloads a file from `getFile` (up to 20 MB on the cloud API), reading at most
    /// `maximumBodySize` bytes (a larger file is ``TelegramClientError/downloadFailed(reason:)``).
    ///
    /// ```swift
    /// let file = try await client.call(GetFile(fileID: photo.fileID))
    /// let jpeg = try await client.download(file)
    /// ```
    public func download(_ file: File, maximumBodySize: Int = HTTPRequest.defaultMaximumBodySize) async throws -> Data {
        if let size = file.fileSize, size > maximumBodySize {
            throw TelegramClientError.downloadFailed(reason: "file \(file.fileUniqueID) has \(size) bytes, over the limit of \(maximumBodySize)")
        }
        guard let url = downloadURL(for: file) else {
            throw TelegramClientError.downloadFailed(reason: "the file has no file_path (over 20 MB on the cloud API), or the token does not fit a URL")
        }
        let response: HTTPResponse
        do {
            response = try await transport.send(HTTPRequest(url: url, timeout: requestTimeout, maximumBodySize: maximumBodySize))
        } catch TransportError.responseTooLarge {
            throw TelegramClientError.downloadFailed(reason: "file \(file.fileUniqueID) is over the limit of \(maximumBodySize) bytes")
        } catch let error as TransportError {
            throw TelegramClientError.network(method: "download", scrubbed(error))
        }
        guard response.isSuccess else {
            throw TelegramClientError.downloadFailed(reason: "HTTP \(response.status) for file \(file.fileUniqueID); file paths expire after an hour, call getFile again")
        }
        return response.body
    }
}
