/// `sendMediaGroup`: sends 2 to 10 photos and videos (or documents, or audio files) as one album.
///
/// ```swift
/// let album = try await client.call(SendMediaGroup(chatID: chat, media: [
///     InputMedia(.photo, media: .url(first)), InputMedia(.photo, media: .url(second)),
/// ]))
/// ```
public struct SendMediaGroup: TelegramMethod {
    public typealias Result = [Message]
    public static let name = "sendMediaGroup"

    public var chatID: ChatTarget
    public var media: [InputMedia]
    public var messageThreadID: Int64?
    public var disableNotification: Bool?
    public var protectContent: Bool?
    public var replyParameters: ReplyParameters?

    public init(chatID: ChatTarget, media: [InputMedia], messageThreadID: Int64? = nil, replyParameters: ReplyParameters? = nil) {
        self.chatID = chatID
        self.media = media
        self.messageThreadID = messageThreadID
        self.replyParameters = replyParameters
    }

    public var rateLimitedChat: ChatTarget? { chatID }

    enum CodingKeys: String, CodingKey {
        case media
        case chatID = "chat_id"
        case messageThreadID = "message_thread_id"
        case disableNotification = "disable_notification"
        case protectContent = "protect_content"
        case replyParameters = "reply_parameters"
    }
}
