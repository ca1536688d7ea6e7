/// `sendAudio`: sends a music file (MP3 or M4A), shown in the player.
///
/// ```swift
/// try await client.call(SendAudio(chatID: chat, audio: .url(songURL), performer: "Artist", title: "Song"))
/// ```
public struct SendAudio: SendFileMethod {
    public static let name = "sendAudio"
    public static let fileParameter = "audio"

    public var chatID: ChatTarget
    public var audio: InputFile
    public var caption: Caption?
    public var attributes = MediaAttributes()
    public var options: MessageOptions

    public init(
        chatID: ChatTarget, audio: InputFile, caption: Caption? = nil, duration: Int? = nil,
        performer: String? = nil, title: String? = nil, options: MessageOptions = MessageOptions()
    ) {
        self.chatID = chatID
        self.audio = audio
        self.caption = caption
        self.options = options
        attributes.duration = duration
        attributes.performer = performer
        attributes.title = title
    }

    public var file: InputFile { audio }
}
