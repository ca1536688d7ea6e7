/// `sendVoice`: sends a voice message (OGG with Opus; MP3 and M4A play as audio files instead).
///
/// ```swift
/// try await client.call(SendVoice(chatID: chat, voice: .url(clipURL)))
/// ```
public struct SendVoice: SendFileMethod {
    public static let name = "sendVoice"
    public static let fileParameter = "voice"

    public var chatID: ChatTarget
    public var voice: InputFile
    public var caption: Caption?
    public var attributes = MediaAttributes()
    public var options: MessageOptions

    public init(chatID: ChatTarget, voice: InputFile, caption: Caption? = nil, duration: Int? = nil, options: MessageOptions = MessageOptions()) {
        self.chatID = chatID
        self.voice = voice
        self.caption = caption
        self.options = options
        attributes.duration = duration
    }

    public var file: InputFile { voice }
}
