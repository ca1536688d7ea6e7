/// `sendAnimation`: sends a GIF or a silent MPEG-4 video.
///
/// ```swift
/// try await client.call(SendAnimation(chatID: chat, animation: .url(gifURL)))
/// ```
public struct SendAnimation: SendFileMethod {
    public static let name = "sendAnimation"
    public static let fileParameter = "animation"

    public var chatID: ChatTarget
    public var animation: InputFile
    public var caption: Caption?
    public var attributes = MediaAttributes()
    public var options: MessageOptions

    public init(chatID: ChatTarget, animation: InputFile, caption: Caption? = nil, hasSpoiler: Bool? = nil, options: MessageOptions = MessageOptions()) {
        self.chatID = chatID
        self.animation = animation
        self.caption = caption
        self.options = options
        attributes.hasSpoiler = hasSpoiler
    }

    public var file: InputFile { animation }
}
