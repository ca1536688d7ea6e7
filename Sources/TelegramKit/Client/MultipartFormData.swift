import Foundation

/// A `multipart/form-data` body (RFC 7578), built field by field.
struct MultipartFormData: Sendable {
    let boundary: String
    private(set) var body = Data()

    init(boundary: String = "vio-" + UUID().uuidString) {
        self.boundary = boundary
    }

    var contentType: String { "multipart/form-data; boundary=\(boundary)" }

    mutating func append(field name: String, value: String) {
        appendHead("Content-Disposition: form-data; name=\"\(Self.quoted(name))\"")
        body.append(Data(value.utf8))
        body.append(Self.lineBreak)
    }

    mutating func append(file name: String, filename: String, contentType: String?, data: Data) {
        appendHead(
            "Content-Disposition: form-data; name=\"\(Self.quoted(name))\"; filename=\"\(Self.quoted(filename))\"",
            "Content-Type: \(contentType ?? "application/octet-stream")")
        body.append(data)
        body.append(Self.lineBreak)
    }

    /// The body with its closing boundary.
    func finished() -> Data {
        body + Data("--\(boundary)--\r\n".utf8)
    }

    private mutating func appendHead(_ lines: String...) {
        body.append(Data(("--\(boundary)\r\n" + lines.map { $0 + "\r\n" }.joined() + "\r\n").utf8))
    }

    private static let lineBreak = Data("\r\n".utf8)

    /// Escapes a name for a quoted header parameter the way browsers do.
    private static func quoted(_ name: String) -> String {
        name.replacingOccurrences(of: "\"", with: "%22")
            .replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }
}
