/// How the link preview of a text message is shown.
///
/// ```swift
/// SendMessage(chatID: chat, text: "https://example.com", linkPreviewOptions: LinkPreviewOptions(isDisabled: true))
/// ```
public struct LinkPreviewOptions: Codable, Hashable, Sendable {
    public var isDisabled: Bool?
    /// The URL to preview, when not the first one in the text.
    public var url: String?
    public var preferSmallMedia: Bool?
    public var preferLargeMedia: Bool?
    public var showAboveText: Bool?

    public init(isDisabled: Bool? = nil, url: String? = nil, preferSmallMedia: Bool? = nil, preferLargeMedia: Bool? = nil, showAboveText: Bool? = nil) {
        self.isDisabled = isDisabled
        self.url = url
        self.preferSmallMedia = preferSmallMedia
        self.preferLargeMedia = preferLargeMedia
        self.showAboveText = showAboveText
    }

    enum CodingKeys: String, CodingKey {
        case url
        case isDisabled = "is_disabled"
        case preferSmallMedia = "prefer_small_media"
        case preferLargeMedia = "prefer_large_media"
        case showAboveText = "show_above_text"
    }
}
