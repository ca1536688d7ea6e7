import VioCore

/// One thing that happened to the bot, from `getUpdates` or a webhook.
///
/// Each update carries exactly one ``Kind``. Kinds newer than TelegramKit arrive as
/// ``Kind/unknown(_:)`` with the whole update as JSON, so a new Bot API version never stops a bot.
///
/// ```swift
/// switch update.kind {
/// case .message(let message): print(message.text ?? "")
/// case .callbackQuery(let query): print(query.data ?? "")
/// default: break
/// }
/// ```
public struct Update: Decodable, Hashable, Sendable, Identifiable {
    /// The update's id; confirm it by polling with an offset above it.
    public var id: Int64
    public var kind: Kind

    public init(id: Int64, kind: Kind) {
        self.id = id
        self.kind = kind
    }

    /// What an update is about.
    public enum Kind: Hashable, Sendable {
        case message(Message)
        case editedMessage(Message)
        case channelPost(Message)
        case editedChannelPost(Message)
        case businessConnection(BusinessConnection)
        case businessMessage(Message)
        case editedBusinessMessage(Message)
        case deletedBusinessMessages(BusinessMessagesDeleted)
        case messageReaction(MessageReactionUpdated)
        case messageReactionCount(MessageReactionCountUpdated)
        case inlineQuery(InlineQuery)
        case chosenInlineResult(ChosenInlineResult)
        case callbackQuery(CallbackQuery)
        case shippingQuery(ShippingQuery)
        case preCheckoutQuery(PreCheckoutQuery)
        case poll(Poll)
        case pollAnswer(PollAnswer)
        /// The bot's own membership changed (added, removed, blocked by a user in private).
        case myChatMember(ChatMemberUpdated)
        /// Another member's status changed (the bot must be an admin and ask for `chat_member`).
        case chatMember(ChatMemberUpdated)
        case chatJoinRequest(ChatJoinRequest)
        case chatBoost(ChatBoostUpdated)
        case removedChatBoost(ChatBoostRemoved)
        /// A kind TelegramKit does not know: the whole update as sent.
        case unknown(JSONValue)
    }

    /// The message of a `message`, `edited_message`, `channel_post`, `edited_channel_post`,
    /// `business_message` or `edited_business_message` update.
    public var message: Message? {
        switch kind {
        case .message(let message), .editedMessage(let message), .channelPost(let message),
             .editedChannelPost(let message), .businessMessage(let message), .editedBusinessMessage(let message):
            message
        default:
            nil
        }
    }

    private enum IDKey: String, CodingKey {
        case updateID = "update_id"
    }

    private enum KindKey: String, CodingKey {
        case message
        case editedMessage = "edited_message"
        case channelPost = "channel_post"
        case editedChannelPost = "edited_channel_post"
        case businessConnection = "business_connection"
        case businessMessage = "business_message"
        case editedBusinessMessage = "edited_business_message"
        case deletedBusinessMessages = "deleted_business_messages"
        case messageReaction = "message_reaction"
        case messageReactionCount = "message_reaction_count"
        case inlineQuery = "inline_query"
        case chosenInlineResult = "chosen_inline_result"
        case callbackQuery = "callback_query"
        case shippingQuery = "shipping_query"
        case preCheckoutQuery = "pre_checkout_query"
        case poll
        case pollAnswer = "poll_answer"
        case myChatMember = "my_chat_member"
        case chatMember = "chat_member"
        case chatJoinRequest = "chat_join_request"
        case chatBoost = "chat_boost"
        case removedChatBoost = "removed_chat_boost"
    }

    public init(from decoder: any Decoder) throws {
        id = try decoder.container(keyedBy: IDKey.self).decode(Int64.self, forKey: .updateID)
        let container = try decoder.container(keyedBy: KindKey.self)
        guard let key = container.allKeys.first else {
            kind = .unknown(try JSONValue(from: decoder))
            return
        }
        kind = try Self.kind(for: key, in: container)
    }

    private static func kind(for key: KindKey, in container: KeyedDecodingContainer<KindKey>) throws -> Kind {
        func value<T: Decodable>(_ type: T.Type = T.self) throws -> T { try container.decode(T.self, forKey: key) }
        switch key {
        case .message: return .message(try value())
        case .editedMessage: return .editedMessage(try value())
        case .channelPost: return .channelPost(try value())
        case .editedChannelPost: return .editedChannelPost(try value())
        case .businessConnection: return .businessConnection(try value())
        case .businessMessage: return .businessMessage(try value())
        case .editedBusinessMessage: return .editedBusinessMessage(try value())
        case .deletedBusinessMessages: return .deletedBusinessMessages(try value())
        case .messageReaction: return .messageReaction(try value())
        case .messageReactionCount: return .messageReactionCount(try value())
        case .inlineQuery: return .inlineQuery(try value())
        case .chosenInlineResult: return .chosenInlineResult(try value())
        case .callbackQuery: return .callbackQuery(try value())
        case .shippingQuery: return .shippingQuery(try value())
        case .preCheckoutQuery: return .preCheckoutQuery(try value())
        case .poll: return .poll(try value())
        case .pollAnswer: return .pollAnswer(try value())
        case .myChatMember: return .myChatMember(try value())
        case .chatMember: return .chatMember(try value())
        case .chatJoinRequest: return .chatJoinRequest(try value())
        case .chatBoost: return .chatBoost(try value())
        case .removedChatBoost: return .removedChatBoost(try value())
        }
    }
}
