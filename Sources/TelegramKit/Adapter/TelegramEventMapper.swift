import Foundation
import VioCore

/// Turns Telegram updates into VioCore events for one bot. Pure: no calls, no state.
///
/// Messages become ``InboundMessage``s; members joining and leaving (service messages and
/// `chat_member` updates) become notices; other updates become `.other` notices named after their kind.
///
/// A group message addresses the bot when it @mentions the bot (by username or as a text mention),
/// carries a command for it (`/cmd` or `/cmd@ThisBot`), or replies to one of its messages. Private
/// messages always do.
///
/// ```swift
/// let mapper = TelegramEventMapper(bot: try await client.call(GetMe()))
/// for event in mapper.events(for: update) { await bot.handle(event, via: actions) }
/// ```
public struct TelegramEventMapper: Sendable {
    /// The bot's own account, from `getMe`.
    public let bot: User

    public init(bot: User) {
        self.bot = bot
    }

    public func events(for update: Update) -> [BotEvent] {
        switch update.kind {
        case .message(let message):
            return events(for: message, update: update)
        case .chatMember(let change):
            return notices(for: change).map(BotEvent.notice)
        default:
            return [.notice(.other(kind: update.kindName, chat: update.chat.map(Self.vioChat), raw: update))]
        }
    }

    private func events(for message: Message, update: Update) -> [BotEvent] {
        let chat = Self.vioChat(message.chat)
        let operatorID = message.from.map { ID($0.id) }
        let joined = (message.newChatMembers ?? []).map { user in
            BotEvent.notice(.memberJoined(PlatformNotice.MemberChange(
                chat: chat, user: ID(user.id), operatorID: operatorID == ID(user.id) ? nil : operatorID)))
        }
        let left = message.leftChatMember.map { user in
            BotEvent.notice(.memberLeft(PlatformNotice.MemberChange(
                chat: chat, user: ID(user.id), operatorID: operatorID == ID(user.id) ? nil : operatorID,
                wasRemoved: operatorID != nil && operatorID != ID(user.id))))
        }
        let notices = joined + (left.map { [$0] } ?? [])
        if !notices.isEmpty { return notices }
        guard message.hasContent else { return [.notice(.other(kind: "service_message", chat: chat, raw: update))] }
        return [.message(inboundMessage(message))]
    }

    /// `chat_member` changes that are a join or a departure.
    func notices(for change: ChatMemberUpdated) -> [PlatformNotice] {
        let chat = Self.vioChat(change.chat)
        let user = ID(change.newChatMember.user.id)
        let operatorID = change.from.id == change.newChatMember.user.id ? nil : ID(change.from.id)
        if change.isJoin {
            return [.memberJoined(PlatformNotice.MemberChange(chat: chat, user: user, operatorID: operatorID))]
        }
        if change.isLeave {
            let removed = change.newChatMember.status == .kicked || operatorID != nil
            return [.memberLeft(PlatformNotice.MemberChange(chat: chat, user: user, operatorID: operatorID, wasRemoved: removed))]
        }
        return [.other(kind: "chat_member", chat: chat, raw: change)]
    }

    /// The message in VioCore's terms.
    public func inboundMessage(_ message: Message) -> InboundMessage {
        let text = textForBot(message)
        var parts: [MessagePart] = []
        if let quoted = message.replyToMessage { parts.append(.reply(to: ID(quoted.messageID))) }
        if !text.isEmpty { parts.append(.text(text)) }
        parts += mentionedUsers(in: message).map(MessagePart.mention)
        parts += Self.mediaParts(of: message)
        var inbound = InboundMessage(
            platform: .telegram, botID: ID(bot.id), chat: Self.vioChat(message.chat), sender: Self.sender(of: message),
            messageID: ID(message.messageID), text: text, parts: parts, isAddressedToBot: isAddressed(message),
            date: message.sentAt, raw: message)
        inbound.quoted = message.replyToMessage.map(inboundMessage)
        return inbound
    }

    /// Whether the message speaks to the bot, by the rules above.
    public func isAddressed(_ message: Message) -> Bool {
        guard message.chat.type != .private else { return true }
        if message.replyToMessage?.from?.id == bot.id { return true }
        if let command = message.botCommand, command.isAddressed(to: bot.username) { return true }
        return message.allEntities.contains { isMentionOfBot($0, in: message) }
    }

    private func isMentionOfBot(_ entity: MessageEntity, in message: Message) -> Bool {
        switch entity.type {
        case .mention:
            guard let username = bot.username, let mention = message.text(of: entity) else { return false }
            return mention.lowercased() == "@" + username.lowercased()
        case .textMention:
            return entity.user?.id == bot.id
        default:
            return false
        }
    }

    /// The text (or caption) without mentions of the bot, and with `/cmd@ThisBot` read as `/cmd`.
    private func textForBot(_ message: Message) -> String {
        guard let source = message.text ?? message.caption else { return "" }
        var cuts = message.allEntities.filter { isMentionOfBot($0, in: message) }.map { ($0.offset, $0.length) }
        if let command = message.botCommand, let username = command.username, command.isAddressed(to: bot.username),
           let entity = message.entities?.first(where: { $0.type == .botCommand && $0.offset == 0 }) {
            let suffix = username.utf16.count + 1
            cuts.append((entity.length - suffix, suffix))
        }
        var units = Array(source.utf16)
        let space = UInt16(UInt8(ascii: " "))
        for (offset, length) in cuts.sorted(by: { $0.0 > $1.0 }) where offset >= 0 && offset + length <= units.count {
            units.removeSubrange(offset..<(offset + length))
            if offset < units.count, units[offset] == space, offset == 0 || units[offset - 1] == space {
                units.remove(at: offset)
            }
        }
        return String(decoding: units, as: UTF16.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Users the message mentions whose id is known: text mentions, and the bot by its username.
    private func mentionedUsers(in message: Message) -> [ID] {
        message.allEntities.compactMap { entity in
            if entity.type == .textMention, let user = entity.user { return ID(user.id) }
            return isMentionOfBot(entity, in: message) ? ID(bot.id) : nil
        }
    }

    private static func mediaParts(of message: Message) -> [MessagePart] {
        var parts: [MessagePart] = []
        if let photo = message.photo {
            // The largest size: the most the model can read (and what a user sees opened).
            let largest = photo.max { $0.width * $0.height < $1.width * $1.height }
            parts.append(.image(url: nil, fileID: largest?.fileID))
        }
        let others: [(String, Bool)] = [
            ("sticker", message.sticker != nil), ("voice", message.voice != nil), ("audio", message.audio != nil),
            ("video", message.video != nil), ("animation", message.animation != nil), ("document", message.document != nil),
            ("location", message.location != nil), ("contact", message.contact != nil), ("poll", message.poll != nil),
            ("dice", message.dice != nil), ("story", message.story != nil),
        ]
        parts += others.filter(\.1).map { MessagePart.other(type: $0.0) }
        return parts
    }

    private static func sender(of message: Message) -> Sender {
        if let senderChat = message.senderChat {
            let onBehalfOfGroup = senderChat.id == message.chat.id
            return Sender(id: ID(senderChat.id), displayName: message.authorSignature ?? senderChat.displayName, role: onBehalfOfGroup ? .admin : nil)
        }
        guard let user = message.from else { return Sender(id: ID(message.chat.id), displayName: message.chat.displayName) }
        return Sender(id: ID(user.id), displayName: user.fullName, isBot: user.isBot)
    }

    /// A Telegram chat in VioCore's terms: groups and supergroups are groups.
    public static func vioChat(_ chat: TelegramChat) -> Chat {
        let kind: Chat.Kind = switch chat.type {
        case .private: .private
        case .channel: .channel
        case .group, .supergroup, .unknown: .group
        }
        return Chat(kind: kind, id: ID(chat.id), title: chat.title)
    }
}
