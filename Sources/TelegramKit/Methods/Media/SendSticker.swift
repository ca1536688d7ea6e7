/// `sendSticker`: sends a sticker (WebP, TGS or WebM), usually by file id.
///
/// ```swift
/// try await client.call(SendSticker(chatID: chat, sticker: .fileID(stickerID)))
/// ```
public struct SendSticker: SendFileMethod {
    public static let name = "sendSticker"
    public static let fileParameter = "sticker"

    public var chatID: ChatTarget
    public var sticker: InputFile
    public var options: MessageOptions

    public init(chatID: ChatTarget, sticker: InputFile, options: MessageOptions = MessageOptions()) {
        self.chatID = chatID
        self.sticker = sticker
        self.options = options
    }

    public var file: InputFile { sticker }
    /// Stickers have no caption.
    public var caption: Caption? { nil }
    public var attributes: MediaAttributes { MediaAttributes() }
}
