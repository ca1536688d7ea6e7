/// The options every method that sends a message shares.
///
/// ```swift
/// SendMessage(chatID: group, text: "done", options: MessageOptions(
///     messageThreadID: topic, replyParameters: ReplyParameters(messageID: request.messageID)))
/// ```
public struct MessageOptions: Encodable, Hashable, Sendable {
    /// Forum supergroups: the topic to post in.
    public var messageThreadID: Int64?
    /// Deliver silently.
    public var disableNotification: Bool?
    /// Forbid forwarding and saving.
    public var protectContent: Bool?
    public var replyParameters: ReplyParameters?
    public var replyMarkup: ReplyMarkup?

    public init(
        messageThreadID: Int64? = nil, disableNotification: Bool? = nil, protectContent: Bool? = nil,
        replyParameters: ReplyParameters? = nil, replyMarkup: ReplyMarkup? = nil
    ) {
        self.messageThreadID = messageThreadID
        self.disableNotification = disableNotification
        self.protectContent = protectContent
        self.replyParameters = replyParameters
        self.replyMarkup = replyMarkup
    }

    enum CodingKeys: String, CodingKey {
        case messageThreadID = "message_thread_id"
        case disableNotification = "disable_notification"
        case protectContent = "protect_content"
        case replyParameters = "reply_parameters"
        case replyMarkup = "reply_markup"
    }
}
