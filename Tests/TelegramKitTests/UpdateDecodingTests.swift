import Foundation
import Testing
import VioCore
@testable import TelegramKit

@Suite struct UpdateDecodingTests {
    @Test func everyFixtureIsInTheBundle() throws {
        let names = try Fixtures.allNames()
        #expect(names.count == 41, "found \(names)")
    }

    /// Every fixture decodes as the type its name says (the webhook body lacks `chat` and must not).
    @Test func everyFixtureDecodesAsItsType() throws {
        for name in try Fixtures.allNames() {
            let data = try Fixtures.data(name)
            switch name.prefix(while: { $0 != "-" }) {
            case "update": _ = try JSONDecoder().decode(Update.self, from: data)
            case "message": _ = try JSONDecoder().decode(Message.self, from: data)
            case "callback_query": _ = try JSONDecoder().decode(CallbackQuery.self, from: data)
            case "chat_member": _ = try JSONDecoder().decode(ChatMember.self, from: data)
            case "response": _ = try JSONDecoder().decode(APIResponse<JSONValue>.self, from: data)
            case "webhook": #expect(throws: DecodingError.self) { try JSONDecoder().decode(Update.self, from: data) }
            default: Issue.record("no decoding rule for fixture \(name)")
            }
        }
    }

    @Test func privateTextMessage() throws {
        let update = try Fixtures.decode(Update.self, "update-message-private-text")
        #expect(update.id == 892_252_934)
        let message = try update.requireMessage()
        #expect(message.messageID == 6557)
        #expect(message.text == "hello there")
        #expect(message.chat.type == .private)
        #expect(message.chat.id == 218_485_655)
        #expect(message.from?.username == "WaffleLapkin")
        #expect(message.from?.isBot == false)
        #expect(message.linkPreviewOptions?.isDisabled == true)
        #expect(message.sentAt == Date(timeIntervalSince1970: 1_569_518_342))
    }

    @Test func minimalPrivateText() throws {
        let message = try Fixtures.decode(Update.self, "update-message-private-text-minimal").requireMessage()
        #expect(message.text == "4")
        #expect(message.from?.languageCode == "en")
        #expect(message.chat.username == "hirrolot")
    }

    @Test func supergroupCommandWithReplyAndIdsAbove32Bits() throws {
        let update = try Fixtures.decode(Update.self, "update-message-supergroup-bot_command-reply_to_message")
        let message = try update.requireMessage()
        #expect(message.chat.id == -1_001_293_752_024)
        #expect(message.chat.type == .supergroup)
        #expect(message.from?.id == 5_964_236_329)
        #expect(message.messageThreadID == 134_545)
        #expect(message.entities == [MessageEntity(type: .botCommand, offset: 0, length: 7)])
        #expect(message.botCommand == ParsedCommand(name: "report"))
        let quoted = try #require(message.replyToMessage)
        #expect(quoted.from?.id == 6_962_620_676)
        #expect(quoted.story?.chat.id == -1_002_149_282_975)
        #expect(quoted.story?.id == 2)
    }

    @Test func forwardedStory() throws {
        let message = try Fixtures.decode(Update.self, "update-message-supergroup-story").requireMessage()
        #expect(message.story?.chat.type == .channel)
        #expect(message.story?.chat.username == "TONSpinChannel")
        #expect(message.text == nil)
    }

    @Test func pinnedMessage() throws {
        let message = try Fixtures.decode(Update.self, "update-message-pinned_message").requireMessage()
        #expect(message.pinnedMessage?.messageID == 20224)
        #expect(message.pinnedMessage?.text == "Faster than a bullet")
        #expect(message.text == nil)
    }

    @Test func diceWithNonBMPEmoji() throws {
        let message = try Fixtures.decode(Update.self, "update-message-dice").requireMessage()
        #expect(message.dice == Dice(emoji: "🎲", value: 2))
        #expect(message.chat.id == -1_001_276_785_818)
    }

    @Test func unknownAndNewerKindsKeepTheirJSON() throws {
        let unknown = try Fixtures.decode(Update.self, "update-unknown-kind")
        #expect(unknown.id == 1)
        guard case .unknown(let raw) = unknown.kind else { Issue.record("expected .unknown, got \(unknown.kindName)"); return }
        #expect(raw["new_update_kind"]?["some_field_idk"]?.int64Value == 1)

        let paid = try Fixtures.decode(Update.self, "update-purchased_paid_media")
        guard case .unknown(let paidRaw) = paid.kind else { Issue.record("expected .unknown, got \(paid.kindName)"); return }
        #expect(paidRaw["purchased_paid_media"]?["paid_media_payload"]?.stringValue == "test_payload")
        #expect(paid.id == 573_255_267)
    }

    @Test func botBlockedInPrivateChat() throws {
        let update = try Fixtures.decode(Update.self, "update-my_chat_member")
        guard case .myChatMember(let change) = update.kind else { Issue.record("got \(update.kindName)"); return }
        #expect(change.oldChatMember.status == .member)
        #expect(change.newChatMember.status == .kicked)
        #expect(change.newChatMember.untilDate == 0)
        #expect(change.newChatMember.user.username == "unBot")
        #expect(change.isLeave)
        #expect(!change.isJoin)
    }

    @Test func reactions() throws {
        let byUser = try Fixtures.decode(Update.self, "update-message_reaction")
        guard case .messageReaction(let reaction) = byUser.kind else { Issue.record("got \(byUser.kindName)"); return }
        #expect(reaction.user?.isPremium == true)
        #expect(reaction.oldReaction.isEmpty)
        #expect(reaction.newReaction == [.emoji("🌭")])
        #expect(reaction.messageID == 35)

        let byAdmin = try Fixtures.decode(Update.self, "update-message_reaction-actor_chat")
        guard case .messageReaction(let anonymous) = byAdmin.kind else { Issue.record("got \(byAdmin.kindName)"); return }
        #expect(anonymous.user == nil)
        #expect(anonymous.actorChat?.title == "тест")
        #expect(anonymous.oldReaction == [.emoji("❤")])

        let counts = try Fixtures.decode(Update.self, "update-message_reaction_count")
        guard case .messageReactionCount(let counted) = counts.kind else { Issue.record("got \(counts.kindName)"); return }
        #expect(counted.reactions.map(\.totalCount) == [2, 1])
        #expect(counted.reactions.first?.type == .emoji("🗿"))
    }

    @Test func boosts() throws {
        let added = try Fixtures.decode(Update.self, "update-chat_boost")
        guard case .chatBoost(let boost) = added.kind else { Issue.record("got \(added.kindName)"); return }
        #expect(boost.chat.type == .channel)
        #expect(boost.boost.boostID == "4506e1b7e866e33fcbde78fe1746ec3a")
        #expect(boost.boost.source.source == "premium")
        #expect(boost.boost.expirationDate == 1_745_088_963)

        let removed = try Fixtures.decode(Update.self, "update-removed_chat_boost")
        guard case .removedChatBoost(let removal) = removed.kind else { Issue.record("got \(removed.kindName)"); return }
        #expect(removal.removeDate == 1_721_999_621)
        #expect(removal.source.user?.username == "shdwchn10")
    }

    @Test func textWithCyrillicAndEmoji() throws {
        let message = try Fixtures.decode(Message.self, "message-private-text-cyrillic-emoji")
        #expect(message.text == "Лол кек 😂")
        #expect(message.from?.fullName == "Андрей Власов")
    }

    @Test func mediaMessages() throws {
        let sticker = try Fixtures.decode(Message.self, "message-sticker").sticker
        #expect(sticker?.emoji == "😡")
        #expect(sticker?.isAnimated == true)
        #expect(sticker?.setName == "AdvenTimeAnim")
        #expect(sticker?.thumbnail?.width == 128)

        let photo = try Fixtures.decode(Message.self, "message-photo").photo
        #expect(photo?.count == 3)
        #expect(photo?.last?.width == 962)
        #expect(photo?.last?.fileSize == 75245)

        let video = try Fixtures.decode(Message.self, "message-video-forwarded").video
        #expect(video?.duration == 13)
        #expect(video?.mimeType == "video/mp4")
        #expect(video?.fileSize == 1_381_334)

        let album = try Fixtures.decode(Message.self, "message-media_group")
        #expect(album.mediaGroupID == "12543417770506682")
        #expect(album.video?.thumbnail?.height == 320)
    }

    @Test func captionWithEntities() throws {
        let message = try Fixtures.decode(Message.self, "message-photo-caption_entities")
        #expect(message.caption == "www.example.com")
        let entity = try #require(message.captionEntities?.first)
        #expect(entity.type == .url)
        #expect(message.text(of: entity) == "www.example.com")
        #expect(message.photo?.count == 4)
    }

    @Test func forumTopics() throws {
        let created = try Fixtures.decode(Message.self, "message-forum_topic_created")
        #expect(created.forumTopicCreated?.name == "???")
        #expect(created.forumTopicCreated?.iconColor == 9_367_192)
        #expect(created.chat.isForum == true)

        let reply = try Fixtures.decode(Message.self, "message-supergroup-forum-topic")
        #expect(reply.isTopicMessage == true)
        #expect(reply.messageThreadID == 4)
        #expect(reply.replyToMessage?.forumTopicCreated != nil)
        #expect(reply.text == "blah")
    }

    @Test func groupMigration() throws {
        let old = try Fixtures.decode(Message.self, "message-group-migrate_to_chat_id")
        #expect(old.chat.type == .group)
        #expect(old.migrateToChatID == -1_001_555_296_434)
        let new = try Fixtures.decode(Message.self, "message-supergroup-migrate_from_chat_id")
        #expect(new.migrateFromChatID == -599_075_523)
        #expect(new.senderChat?.id == -1_001_555_296_434)
    }

    @Test func anonymousAdminAndForwardOrigin() throws {
        let message = try Fixtures.decode(Message.self, "message-anonymous-admin-forward_origin")
        #expect(message.from?.username == "GroupAnonymousBot")
        #expect(message.senderChat?.id == message.chat.id)
        #expect(message.authorSignature == "TITLE2")
        #expect(message.forwardOrigin?.type == .chat)
        #expect(message.forwardOrigin?.senderChat?.id == -1_001_160_242_915)
        #expect(message.forwardOrigin?.authorSignature == "TITLE")
    }

    @Test func emptyMessageStillDecodes() throws {
        let message = try Fixtures.decode(Message.self, "message-empty")
        #expect(message.messageID == 875_400)
        #expect(message.chat.firstName == "FN")
        #expect(message.text == nil && message.from == nil)
    }

    @Test func callbackQueryFromAnInlineMessage() throws {
        let query = try Fixtures.decode(CallbackQuery.self, "callback_query-inline_message")
        #expect(query.inlineMessageID == "i_m_id")
        #expect(query.data == "some_data")
        #expect(query.message == nil)
        #expect(query.from.id == 12345)
        #expect(query.gameShortName == "game_name")
    }

    @Test func chatMembers() throws {
        let admin = try Fixtures.decode(ChatMember.self, "chat_member-administrator")
        #expect(admin.status == .administrator)
        #expect(admin.status.isAdministrator)
        #expect(admin.rights.canRestrictMembers == true)
        #expect(admin.rights.canPromoteMembers == true)
        #expect(admin.isAnonymous == false)

        let restricted = try Fixtures.decode(ChatMember.self, "chat_member-restricted")
        #expect(restricted.status == .restricted)
        #expect(restricted.untilDate == 1_620_000_000)
        #expect(restricted.isMember == true)
        #expect(restricted.isInChat)
        #expect(restricted.permissions.canSendAudios == false)
        #expect(restricted.permissions.canSendPhotos == true)
    }

    @Test func unknownEnumValuesDecodeAsUnknown() throws {
        let json = #"""
        {"user":{"id":1,"is_bot":false,"first_name":"A"},"status":"superhero"}
        """#
        let member = try JSONDecoder().decode(ChatMember.self, from: Data(json.utf8))
        #expect(member.status == .unknown("superhero"))
        #expect(!member.isInChat)

        let chat = try JSONDecoder().decode(TelegramChat.self, from: Data(#"{"id":-5,"type":"guild"}"#.utf8))
        #expect(chat.type == .unknown("guild"))
        #expect(chat.type.rawValue == "guild")

        let entity = try JSONDecoder().decode(MessageEntity.self, from: Data(#"{"type":"date_time","offset":0,"length":3}"#.utf8))
        #expect(entity.type == .unknown("date_time"))
        let reaction = try JSONDecoder().decode(ReactionType.self, from: Data(#"{"type":"sparkle"}"#.utf8))
        #expect(reaction == .unknown("sparkle"))
    }

    @Test func webhookBodyWithoutChatIsRejectedNotCrashed() {
        let failure = #expect(throws: DecodingError.self) { try Fixtures.decode(Update.self, "webhook-body-minimal") }
        #expect(failure != nil)
    }

    @Test func responseFixturesDecodeAsBatches() throws {
        let batch = try Fixtures.decode(APIResponse<UpdateBatch>.self, "response-getUpdates").result
        #expect(batch?.updates.count == 1)
        guard case .pollAnswer(let answer)? = batch?.updates.first?.kind else { Issue.record("expected a poll answer"); return }
        #expect(answer.pollID == "POLL_ID")
        #expect(answer.optionIDs.isEmpty)

        let empty = try Fixtures.decode(APIResponse<UpdateBatch>.self, "response-getUpdates-empty").result
        #expect(empty?.updates.isEmpty == true)
        #expect(empty?.nextOffset == nil)

        let info = try Fixtures.decode(APIResponse<WebhookInfo>.self, "response-getWebhookInfo").result
        #expect(info?.isSet == false)
        #expect(info?.allowedUpdates == [.message])
        #expect(try Fixtures.decode(APIResponse<Bool>.self, "response-ok-true").result == true)
    }

    @Test func oneBadUpdateDoesNotSinkTheBatch() throws {
        let batch = try #require(try Fixtures.decode(APIResponse<UpdateBatch>.self, "response-getUpdates-partially-unparseable").result)
        #expect(batch.updates.map(\.id) == [0, 1, 2])
        guard case .pollAnswer(let answer) = batch.updates[2].kind else { Issue.record("expected a poll answer"); return }
        #expect(answer.optionIDs == [3, 4, 8])
        guard case .unknown = batch.updates[1].kind else { Issue.record("the unknown kind must be .unknown"); return }
        #expect(batch.failures.map(\.updateID) == [3])
        #expect(batch.failures.first?.reason.contains("message") == true)
        #expect(batch.nextOffset == 4, "the broken update is confirmed too")
    }

    @Test func escapedSurrogatePairsDecodeLikeRawUTF8() throws {
        let escaped = try JSONDecoder().decode(Dice.self, from: Data(#"{"emoji":"\ud83c\udfaf","value":6}"#.utf8))
        let raw = try JSONDecoder().decode(Dice.self, from: Data(#"{"emoji":"🎯","value":6}"#.utf8))
        #expect(escaped == raw)
        #expect(escaped.emoji.utf16.count == 2)
    }
}
