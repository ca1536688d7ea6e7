import Foundation
import VioCore

/// A method's parameters as an HTTP body: JSON, or `multipart/form-data` when a file is uploaded.
struct RequestBody: Sendable {
    var data: Data
    var contentType: String

    /// Encodes `method`; uploads switch the body to multipart, where nested values travel as JSON strings.
    init<Method: TelegramMethod>(encoding method: Method, boundary: String? = nil) throws {
        let collector = UploadCollector()
        let json: Data
        do {
            json = try UploadCollector.$current.withValue(collector) { try Self.encoder.encode(method) }
        } catch {
            throw TelegramClientError.encoding(method: Method.name, reason: DecodingFailureText.describe(error))
        }
        let uploads = collector.uploads
        guard !uploads.isEmpty else {
            self.init(json: json)
            return
        }
        var form = boundary.map(MultipartFormData.init) ?? MultipartFormData()
        let fields = try JSONDecoder().decode([String: JSONValue].self, from: json)
        for (name, value) in fields.sorted(by: { $0.key < $1.key }) {
            guard let text = try Self.formValue(value) else { continue }
            form.append(field: name, value: text)
        }
        for upload in uploads {
            form.append(file: upload.name, filename: upload.filename, contentType: upload.mimeType, data: upload.data)
        }
        self.init(data: form.finished(), contentType: form.contentType)
    }

    /// A JSON body.
    init(json: Data) {
        self.init(data: json, contentType: "application/json")
    }

    /// Free-form parameters as JSON.
    init(parameters: JSONValue) throws {
        self.init(json: try Self.encoder.encode(parameters))
    }

    private init(data: Data, contentType: String) {
        self.data = data
        self.contentType = contentType
    }

    /// Text as it is, numbers and booleans spelled out, arrays and objects as JSON; nothing for null.
    private static func formValue(_ value: JSONValue) throws -> String? {
        switch value {
        case .null: nil
        case .array, .object: String(decoding: try encoder.encode(value), as: UTF8.self)
        default: value.textValue
        }
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        return encoder
    }()
}
