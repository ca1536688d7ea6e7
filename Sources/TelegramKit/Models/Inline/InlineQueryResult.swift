import VioCore

/// One answer to an inline query.
///
/// The common kinds are typed; any other kind of the Bot API can be given as JSON with `.json`.
///
/// ```swift
/// AnswerInlineQuery(inlineQueryID: query.id, results: [
///     .article(id: "1", title: "Shout", text: query.query.uppercased()),
///     .photo(id: "2", photoURL: catURL, thumbnailURL: catThumbURL),
/// ])
/// ```
public enum InlineQueryResult: Encodable, Hashable, Sendable {
    /// A text message with a title in the result list.
    case article(id: String, title: String, text: String, parseMode: ParseMode? = nil, description: String? = nil)
    /// A photo by URL (JPEG).
    case photo(id: String, photoURL: String, thumbnailURL: String, caption: String? = nil)
    /// Any result kind as its JSON object (`type`, `id` and the kind's fields).
    case json(JSONValue)

    private enum CodingKeys: String, CodingKey {
        case type, id, title, description, caption
        case inputMessageContent = "input_message_content"
        case photoURL = "photo_url"
        case thumbnailURL = "thumbnail_url"
    }

    private struct TextContent: Encodable {
        let messageText: String
        let parseMode: ParseMode?

        enum CodingKeys: String, CodingKey {
            case messageText = "message_text"
            case parseMode = "parse_mode"
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .json(let value):
            try value.encode(to: encoder)
        case .article(let id, let title, let text, let parseMode, let description):
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode("article", forKey: .type)
            try container.encode(id, forKey: .id)
            try container.encode(title, forKey: .title)
            try container.encode(TextContent(messageText: text, parseMode: parseMode), forKey: .inputMessageContent)
            try container.encodeIfPresent(description, forKey: .description)
        case .photo(let id, let photoURL, let thumbnailURL, let caption):
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode("photo", forKey: .type)
            try container.encode(id, forKey: .id)
            try container.encode(photoURL, forKey: .photoURL)
            try container.encode(thumbnailURL, forKey: .thumbnailURL)
            try container.encodeIfPresent(caption, forKey: .caption)
        }
    }
}
