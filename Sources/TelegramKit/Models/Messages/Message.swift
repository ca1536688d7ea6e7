import Foundation

/// A message: text, media or a service message (members joining, a pinned message, a migration…).
///
/// Only `messageID`, `date` and `chat` are always there; everything else is optional, so a message
/// of a kind TelegramKit does not model yet still decodes.
///
/// ```swift
/// if let text = message.text, let command = message.botCommand {
///     print(command.name, command.arguments)
/// }
/// ```
public struct Message: Decodable, Hashable, Sendable {
    /// Unique within its chat only: the key of a message is (chat id, message id).
    public var messageID: Int64
    /// Forum topics: the topic's id.
    public var messageThreadID: Int64?
    /// The sender; absent in channels.
    public var from: User?
    /// The chat that sent it: a channel, or a group on behalf of an anonymous admin.
    public var senderChat: TelegramChat?
    /// Unix seconds.
    public var date: Int64
    public var chat: TelegramChat
    public var isTopicMessage: Bool?
    public var isAutomaticForward: Bool?
    public var forwardOrigin: MessageOrigin?
    private var replyToMessageStorage: Indirect<Message>?
    public var viaBot: User?
    public var editDate: Int64?
    public var mediaGroupID: String?
    public var authorSignature: String?

    public var text: String?
    /// Marked ranges of `text`, in UTF-16 code units.
    public var entities: [MessageEntity]?
    public var linkPreviewOptions: LinkPreviewOptions?
    public var caption: String?
    /// Marked ranges of `caption`, in UTF-16 code units.
    public var captionEntities: [MessageEntity]?

    public var photo: [PhotoSize]?
    public var document: Document?
    public var sticker: Sticker?
    public var voice: Voice?
    public var audio: Audio?
    public var video: Video?
    public var animation: Animation?
    public var location: Location?
    public var contact: Contact?
    public var poll: Poll?
    public var dice: Dice?
    public var story: Story?

    public var newChatMembers: [User]?
    public var leftChatMember: User?
    public var newChatTitle: String?
    private var pinnedMessageStorage: Indirect<Message>?
    public var groupChatCreated: Bool?
    public var supergroupChatCreated: Bool?
    /// The group became the supergroup with this id; send there from now on.
    public var migrateToChatID: Int64?
    /// The supergroup was the group with this id.
    public var migrateFromChatID: Int64?
    public var forumTopicCreated: ForumTopicCreated?
    public var replyMarkup: InlineKeyboardMarkup?

    /// The message this one answers, when it is in the same chat (or thread).
    public var replyToMessage: Message? {
        get { replyToMessageStorage?.value }
        set { replyToMessageStorage = newValue.map(Indirect.init) }
    }

    /// Service messages: the message that was pinned.
    public var pinnedMessage: Message? {
        get { pinnedMessageStorage?.value }
        set { pinnedMessageStorage = newValue.map(Indirect.init) }
    }

    /// The date as a `Date`.
    public var sentAt: Date { Date(timeIntervalSince1970: TimeInterval(date)) }

    enum CodingKeys: String, CodingKey {
        case date, chat, from, text, entities, caption, photo, document, sticker, voice, audio, video
        case animation, location, contact, poll, dice, story
        case messageID = "message_id"
        case messageThreadID = "message_thread_id"
        case senderChat = "sender_chat"
        case isTopicMessage = "is_topic_message"
        case isAutomaticForward = "is_automatic_forward"
        case forwardOrigin = "forward_origin"
        case replyToMessageStorage = "reply_to_message"
        case viaBot = "via_bot"
        case editDate = "edit_date"
        case mediaGroupID = "media_group_id"
        case authorSignature = "author_signature"
        case linkPreviewOptions = "link_preview_options"
        case captionEntities = "caption_entities"
        case newChatMembers = "new_chat_members"
        case leftChatMember = "left_chat_member"
        case newChatTitle = "new_chat_title"
        case pinnedMessageStorage = "pinned_message"
        case groupChatCreated = "group_chat_created"
        case supergroupChatCreated = "supergroup_chat_created"
        case migrateToChatID = "migrate_to_chat_id"
        case migrateFromChatID = "migrate_from_chat_id"
        case forumTopicCreated = "forum_topic_created"
        case replyMarkup = "reply_markup"
    }
}
