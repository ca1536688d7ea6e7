/// The name of an update kind, for `allowed_updates`.
///
/// ```swift
/// GetUpdates(allowedUpdates: [.message, .callbackQuery, .chatMember])
/// ```
public struct UpdateType: RawRepresentable, Codable, Hashable, Sendable, ExpressibleByStringLiteral {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public init(stringLiteral value: String) {
        self.init(rawValue: value)
    }

    public static let message: UpdateType = "message"
    public static let editedMessage: UpdateType = "edited_message"
    public static let channelPost: UpdateType = "channel_post"
    public static let editedChannelPost: UpdateType = "edited_channel_post"
    public static let businessConnection: UpdateType = "business_connection"
    public static let businessMessage: UpdateType = "business_message"
    public static let editedBusinessMessage: UpdateType = "edited_business_message"
    public static let deletedBusinessMessages: UpdateType = "deleted_business_messages"
    /// Not sent unless asked for by name.
    public static let messageReaction: UpdateType = "message_reaction"
    /// Not sent unless asked for by name.
    public static let messageReactionCount: UpdateType = "message_reaction_count"
    public static let inlineQuery: UpdateType = "inline_query"
    public static let chosenInlineResult: UpdateType = "chosen_inline_result"
    public static let callbackQuery: UpdateType = "callback_query"
    public static let shippingQuery: UpdateType = "shipping_query"
    public static let preCheckoutQuery: UpdateType = "pre_checkout_query"
    public static let poll: UpdateType = "poll"
    public static let pollAnswer: UpdateType = "poll_answer"
    public static let myChatMember: UpdateType = "my_chat_member"
    /// Not sent unless asked for by name.
    public static let chatMember: UpdateType = "chat_member"
    public static let chatJoinRequest: UpdateType = "chat_join_request"
    public static let chatBoost: UpdateType = "chat_boost"
    public static let removedChatBoost: UpdateType = "removed_chat_boost"
}
