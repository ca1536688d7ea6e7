import Foundation
import Testing
import VioCore
import VioCoreTesting
@testable import TelegramKit

@Suite struct AdapterTests {
    private let me = User(id: 777, isBot: true, firstName: "Vio", username: "VioBot")
    private var mapper: TelegramEventMapper { TelegramEventMapper(bot: me) }

    private func message(
        _ text: String?, chat: String = #"{"id":-1001,"type":"supergroup","title":"Crew"}"#, entities: String = "[]", extra: String = ""
    ) throws -> Message {
        let textField = text.map { #""text":\#(String(reflecting: $0)),"entities":\#(entities),"# } ?? ""
        let json = #"{"message_id":55,"date":1700000000,"chat":\#(chat),\#(textField)\#(extra)"from":{"id":5964236329,"is_bot":false,"first_name":"Ann","last_name":"Lee"}}"#
        return try JSONDecoder().decode(Message.self, from: Data(json.utf8))
    }

    private func inbound(_ message: Message) throws -> InboundMessage {
        let events = mapper.events(for: Update(id: 1, kind: .message(message)))
        guard case .message(let inbound)? = events.first, events.count == 1 else { throw MappingFailure(events: "\(events)") }
        return inbound
    }

    struct MappingFailure: Error { let events: String }

    @Test func privateMessagesAreAlwaysAddressed() throws {
        let inbound = try inbound(try message("hello", chat: #"{"id":5964236329,"type":"private","first_name":"Ann"}"#))
        #expect(inbound.isAddressedToBot)
        #expect(inbound.platform == .telegram)
        #expect(inbound.botID == 777)
        #expect(inbound.chat == .private(5_964_236_329))
        #expect(inbound.sender == Sender(id: 5_964_236_329, displayName: "Ann Lee"))
        #expect(inbound.messageID == 55)
        #expect(inbound.text == "hello")
        #expect(inbound.date == Date(timeIntervalSince1970: 1_700_000_000))
        #expect(inbound.raw is Message)
    }

    @Test func groupChatterIsNotAddressed() throws {
        let inbound = try inbound(try message("just talking"))
        #expect(!inbound.isAddressedToBot)
        #expect(inbound.chat == Chat.group(-1001, title: "Crew"))
    }

    @Test func aMentionOfTheBotAddressesItAndIsTakenOutOfTheText() throws {
        let entities = #"[{"type":"mention","offset":3,"length":7}]"#
        let inbound = try inbound(try message("😂 @viobot how are you?", entities: entities))
        #expect(inbound.isAddressedToBot, "usernames compare case-insensitively")
        #expect(inbound.text == "😂 how are you?")
        #expect(inbound.mentions == [777])
    }

    @Test func aMentionOfSomeoneElseDoesNot() throws {
        let entities = #"[{"type":"mention","offset":0,"length":9}]"#
        let inbound = try inbound(try message("@OtherBot hi", entities: entities))
        #expect(!inbound.isAddressedToBot)
        #expect(inbound.text == "@OtherBot hi")
    }

    @Test func aTextMentionOfTheBotsIDAddressesIt() throws {
        let entities = #"[{"type":"text_mention","offset":0,"length":3,"user":{"id":777,"is_bot":true,"first_name":"Vio"}}]"#
        let inbound = try inbound(try message("Vio, ping", entities: entities))
        #expect(inbound.isAddressedToBot)
        #expect(inbound.text == ", ping")
    }

    @Test func commandsForThisBotOrNoBotAddressIt() throws {
        let bare = try inbound(try message("/roll 2d6", entities: #"[{"type":"bot_command","offset":0,"length":5}]"#))
        #expect(bare.isAddressedToBot)
        #expect(bare.text == "/roll 2d6")

        let targeted = try inbound(try message("/roll@VioBot 2d6", entities: #"[{"type":"bot_command","offset":0,"length":12}]"#))
        #expect(targeted.isAddressedToBot)
        #expect(targeted.text == "/roll 2d6", "the bot's own name is taken off so commands match")

        let other = try inbound(try message("/roll@DiceBot 2d6", entities: #"[{"type":"bot_command","offset":0,"length":13}]"#))
        #expect(!other.isAddressedToBot)
        #expect(other.text == "/roll@DiceBot 2d6")
    }

    @Test func aReplyToTheBotAddressesIt() throws {
        let quote = #""reply_to_message":{"message_id":54,"date":0,"chat":{"id":-1001,"type":"supergroup"},"from":{"id":777,"is_bot":true,"first_name":"Vio"},"text":"pong"},"#
        let reply = try inbound(try message("thanks", extra: quote))
        #expect(reply.isAddressedToBot)
        #expect(reply.replyTo == 54)
        #expect(reply.quoted?.messageID == 54)
        #expect(reply.quoted?.text == "pong")

        let toSomeoneElse = #""reply_to_message":{"message_id":53,"date":0,"chat":{"id":-1001,"type":"supergroup"},"from":{"id":9,"is_bot":false,"first_name":"Bo"},"text":"x"},"#
        #expect(try !inbound(try message("thanks", extra: toSomeoneElse)).isAddressedToBot)
    }

    @Test func photosCarryTheirCaptionAndAnImagePartWithTheLargestSizesFileID() throws {
        let sizes = #"[{"file_id":"small","file_unique_id":"s","width":90,"height":60},{"file_id":"large","file_unique_id":"l","width":1280,"height":853},{"file_id":"medium","file_unique_id":"m","width":320,"height":213}]"#
        let photo = #""caption":"look @VioBot","caption_entities":[{"type":"mention","offset":5,"length":7}],"photo":"# + sizes + ","
        let inbound = try inbound(try message(nil, extra: photo))
        #expect(inbound.isAddressedToBot)
        #expect(inbound.text == "look")
        #expect(inbound.parts.contains(.image(url: nil, fileID: "large")))
    }

    @Test func theRecordedPhotoMessageNamesItsLargestSize() throws {
        let message = try #require(try Fixtures.update(message: "message-photo").message)
        let largest = try #require(message.photo?.max { $0.width * $0.height < $1.width * $1.height })
        #expect(try inbound(message).parts.contains(.image(url: nil, fileID: largest.fileID)))
    }

    @Test func anonymousAdminsSpeakForTheGroupAsAdmins() throws {
        let inbound = try inbound(try Fixtures.decode(Message.self, "message-anonymous-admin-forward_origin"))
        #expect(inbound.sender.id == -1_001_160_242_915)
        #expect(inbound.sender.role == .admin)
        #expect(inbound.sender.displayName == "TITLE2")
    }

    @Test func fixtureCommandMapsToAnAddressedGroupMessage() throws {
        let update = try Fixtures.decode(Update.self, "update-message-supergroup-bot_command-reply_to_message")
        guard case .message(let inbound)? = mapper.events(for: update).first else { Issue.record("no message"); return }
        #expect(inbound.isAddressedToBot)
        #expect(inbound.text == "/report")
        #expect(inbound.sender.id == 5_964_236_329)
        #expect(inbound.replyTo == 134_545)
    }

    @Test func membersJoiningAndLeavingAreNotices() throws {
        let joined = try message(nil, extra: #""new_chat_members":[{"id":5964236329,"is_bot":false,"first_name":"Ann"},{"id":8,"is_bot":false,"first_name":"Bo"}],"#)
        let events = mapper.events(for: Update(id: 1, kind: .message(joined)))
        let changes = events.compactMap { event -> PlatformNotice.MemberChange? in
            if case .notice(.memberJoined(let change)) = event { return change }
            return nil
        }
        #expect(changes.map(\.user) == [5_964_236_329, 8])
        #expect(changes.map(\.operatorID) == [nil, 5_964_236_329], "Ann joined herself and added Bo")

        let kicked = try message(nil, extra: #""left_chat_member":{"id":8,"is_bot":false,"first_name":"Bo"},"#)
        guard case .notice(.memberLeft(let left))? = mapper.events(for: Update(id: 2, kind: .message(kicked))).first else { Issue.record("no left notice"); return }
        #expect(left.user == 8)
        #expect(left.wasRemoved)
        #expect(left.chat.id == -1001)
    }

    @Test func chatMemberUpdatesAreJoinsAndDepartures() throws {
        func change(old: String, new: String, from: Int64) throws -> Update {
            let json = #"{"update_id":3,"chat_member":{"chat":{"id":-1001,"type":"supergroup"},"from":{"id":\#(from),"is_bot":false,"first_name":"X"},"date":0,"old_chat_member":{"user":{"id":8,"is_bot":false,"first_name":"Bo"},"status":"\#(old)"},"new_chat_member":{"user":{"id":8,"is_bot":false,"first_name":"Bo"},"status":"\#(new)","until_date":0}}}"#
            return try JSONDecoder().decode(Update.self, from: Data(json.utf8))
        }
        guard case .notice(.memberJoined(let joined))? = mapper.events(for: try change(old: "left", new: "member", from: 8)).first else { Issue.record("no join"); return }
        #expect(joined.user == 8 && joined.operatorID == nil)
        guard case .notice(.memberLeft(let banned))? = mapper.events(for: try change(old: "member", new: "kicked", from: 1)).first else { Issue.record("no leave"); return }
        #expect(banned.wasRemoved && banned.operatorID == 1)
        guard case .notice(.memberLeft(let left))? = mapper.events(for: try change(old: "member", new: "left", from: 8)).first else { Issue.record("no leave"); return }
        #expect(!left.wasRemoved)
        guard case .notice(.other(let kind, _, _))? = mapper.events(for: try change(old: "member", new: "administrator", from: 1)).first else { Issue.record("no other"); return }
        #expect(kind == "chat_member")
    }

    @Test func otherUpdatesAreNamedNotices() throws {
        let update = try Fixtures.decode(Update.self, "update-message_reaction")
        guard case .notice(.other(let kind, let chat, let raw))? = mapper.events(for: update).first else { Issue.record("no notice"); return }
        #expect(kind == "message_reaction")
        #expect(chat?.id == -1_002_184_233_434)
        #expect(raw is Update)
        let pinned = try Fixtures.decode(Update.self, "update-message-pinned_message")
        guard case .notice(.other(let serviceKind, _, _))? = mapper.events(for: pinned).first else { Issue.record("no notice"); return }
        #expect(serviceKind == "service_message")
    }
}
