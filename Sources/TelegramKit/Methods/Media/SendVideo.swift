/// `sendVideo`: sends an MPEG-4 video.
///
/// ```swift
/// try await client.call(SendVideo(chatID: chat, video: .fileID(id), supportsStreaming: true))
/// ```
public struct SendVideo: SendFileMethod {
    public static let name = "sendVideo"
    public static let fileParameter = "video"

    public var chatID: ChatTarget
    public var video: InputFile
    public var caption: Caption?
    public var attributes = MediaAttributes()
    public var options: MessageOptions

    public init(
        chatID: ChatTarget, video: InputFile, caption: Caption? = nil, duration: Int? = nil,
        supportsStreaming: Bool? = nil, hasSpoiler: Bool? = nil, options: MessageOptions = MessageOptions()
    ) {
        self.chatID = chatID
        self.video = video
        self.caption = caption
        self.options = options
        attributes.duration = duration
        attributes.supportsStreaming = supportsStreaming
        attributes.hasSpoiler = hasSpoiler
    }

    public var file: InputFile { video }
}
