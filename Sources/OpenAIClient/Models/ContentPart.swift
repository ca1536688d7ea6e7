import VioCore

/// One part of a multi-part message.
///
/// ```swift
/// let parts: [ContentPart] = [.text("Describe the picture."), .imageURL("data:image/png;base64,…", detail: "low")]
/// ```
public enum ContentPart: Hashable, Sendable, Codable {
    case text(String)
    /// An image by URL or `data:` URL; `detail` is `low`, `high` or `auto`.
    case imageURL(String, detail: String? = nil)
    /// A part of a kind this module does not model (audio, files…), kept as JSON and sent as it is.
    case other(JSONValue)

    private enum CodingKeys: String, CodingKey {
        case type, text
        case imageURL = "image_url"
    }

    private struct ImageURL: Codable {
        var url: String
        var detail: String?
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decodeIfPresent(String.self, forKey: .type) {
        case "text":
            self = .text(try container.decode(String.self, forKey: .text))
        case "image_url":
            let image = try container.decode(ImageURL.self, forKey: .imageURL)
            self = .imageURL(image.url, detail: image.detail)
        default:
            self = .other(try JSONValue(from: decoder))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .text(let text):
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode("text", forKey: .type)
            try container.encode(text, forKey: .text)
        case .imageURL(let url, let detail):
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode("image_url", forKey: .type)
            try container.encode(ImageURL(url: url, detail: detail), forKey: .imageURL)
        case .other(let json):
            try json.encode(to: encoder)
        }
    }
}
