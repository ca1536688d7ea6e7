extension Update {
    /// The update kind's Bot API name (`callback_query`), or `unknown`.
    public var kindName: String {
        switch kind {
        case .message: "message"
        case .editedMessage: "edited_message"
        case .channelPost: "channel_post"
        case .editedChannelPost: "edited_channel_post"
        case .businessConnection: "business_connection"
        case .businessMessage: "business_message"
        case .editedBusinessMessage: "edited_business_message"
        case .deletedBusinessMessages: "deleted_business_messages"
        case .messageReaction: "message_reaction"
        case .messageReactionCount: "message_reaction_count"
        case .inlineQuery: "inline_query"
        case .chosenInlineResult: "chosen_inline_result"
        case .callbackQuery: "callback_query"
        case .shippingQuery: "shipping_query"
        case .preCheckoutQuery: "pre_checkout_query"
        case .poll: "poll"
        case .pollAnswer: "poll_answer"
        case .myChatMember: "my_chat_member"
        case .chatMember: "chat_member"
        case .chatJoinRequest: "chat_join_request"
        case .chatBoost: "chat_boost"
        case .removedChatBoost: "removed_chat_boost"
        case .unknown: "unknown"
        }
    }

    /// The chat the update happened in, when it has one.
    public var chat: TelegramChat? {
        switch kind {
        case .myChatMember(let change), .chatMember(let change): change.chat
        case .messageReaction(let reaction): reaction.chat
        case .messageReactionCount(let counts): counts.chat
        case .chatJoinRequest(let request): request.chat
        case .chatBoost(let boost): boost.chat
        case .removedChatBoost(let removal): removal.chat
        case .deletedBusinessMessages(let deletion): deletion.chat
        case .callbackQuery(let query): query.message?.chat
        default: message?.chat
        }
    }
}
