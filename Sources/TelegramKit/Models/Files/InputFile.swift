import Foundation
import Synchronization

/// A file to send: one Telegram already has, one it fetches from a URL, or bytes to upload.
///
/// An upload turns the request into `multipart/form-data`; the other two travel as plain strings.
///
/// ```swift
/// SendPhoto(chatID: chat, photo: .fileID(message.photo?.last?.fileID ?? ""))
/// SendPhoto(chatID: chat, photo: .url(catPictureURL))
/// SendDocument(chatID: chat, document: .upload(reportData, filename: "report.csv"))
/// ```
public enum InputFile: Hashable, Sendable, Encodable {
    /// A file id the bot received before; fastest, with no size limit.
    case fileID(String)
    /// A URL Telegram downloads (about 5 MB for photos, 20 MB for other files).
    case url(URL)
    /// Bytes sent with the request (about 10 MB for photos, 50 MB for other files).
    case upload(Data, filename: String, mimeType: String? = nil)

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .fileID(let id):
            try container.encode(id)
        case .url(let url):
            try container.encode(url.absoluteString)
        case .upload(let data, let filename, let mimeType):
            guard let uploads = UploadCollector.current else {
                throw EncodingError.invalidValue(self, EncodingError.Context(
                    codingPath: encoder.codingPath,
                    debugDescription: "an upload can only be sent as multipart/form-data through TelegramClient, not in a webhook answer"))
            }
            let name = uploads.attach(data: data, filename: filename, mimeType: mimeType)
            try container.encode("attach://" + name)
        }
    }
}

/// Collects the uploads of one request while it is encoded, naming them `file0`, `file1`…
final class UploadCollector: Sendable {
    struct Upload: Hashable, Sendable {
        let name: String
        let data: Data
        let filename: String
        let mimeType: String?
    }

    /// The collector of the request being encoded on this task, if it takes uploads.
    @TaskLocal static var current: UploadCollector?

    private let collected = Mutex<[Upload]>([])

    var uploads: [Upload] { collected.withLock { $0 } }

    func attach(data: Data, filename: String, mimeType: String?) -> String {
        collected.withLock { uploads in
            let name = "file\(uploads.count)"
            uploads.append(Upload(name: name, data: data, filename: filename, mimeType: mimeType))
            return name
        }
    }
}
