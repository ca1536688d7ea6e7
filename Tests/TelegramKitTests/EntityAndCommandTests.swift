import Foundation
import Testing
@testable import TelegramKit

@Suite struct EntityAndCommandTests {
    private func message(_ text: String, entities: [MessageEntity]) throws -> Message {
        let json: [String: Any] = [
            "message_id": 1, "date": 0, "chat": ["id": -100, "type": "supergroup"], "text": text,
            "entities": entities.map { ["type": $0.type.rawValue, "offset": $0.offset, "length": $0.length] },
        ]
        return try JSONDecoder().decode(Message.self, from: JSONSerialization.data(withJSONObject: json))
    }

    @Test func slicesByUTF16UnitsAcrossEmojiAndNonBMPCharacters() throws {
        // 😂 and 𝕏 take two UTF-16 units each; 👨‍👩‍👧 takes eight; é is one.
        let text = "é😂 #tag 𝕏 @vio_bot 👨‍👩‍👧 /go"
        let entities = [
            MessageEntity(type: .hashtag, offset: 4, length: 4),
            MessageEntity(type: .mention, offset: 12, length: 8),
            MessageEntity(type: .botCommand, offset: 30, length: 3),
        ]
        let message = try message(text, entities: entities)
        #expect(message.text(of: entities[0]) == "#tag")
        #expect(message.text(of: entities[1]) == "@vio_bot")
        #expect(message.text(of: entities[2]) == "/go")
    }

    @Test func sliceThatCutsACharacterOrLeavesTheTextIsNil() throws {
        let message = try message("😂x", entities: [])
        #expect(message.text(of: MessageEntity(type: .bold, offset: 1, length: 2)) == nil, "starts inside the surrogate pair")
        #expect(message.text(of: MessageEntity(type: .bold, offset: 2, length: 5)) == nil, "runs past the end")
        #expect(message.text(of: MessageEntity(type: .bold, offset: -1, length: 1)) == nil)
        #expect(message.text(of: MessageEntity(type: .bold, offset: 0, length: 2)) == "😂")
    }

    @Test func captionEntitiesSliceTheCaption() throws {
        var message = try message("", entities: [])
        message.text = nil
        message.caption = "🎯 https://vio.dev"
        let link = MessageEntity(type: .url, offset: 3, length: 15)
        message.captionEntities = [link]
        #expect(message.text(of: link) == "https://vio.dev")
        #expect(message.allEntities == [link])
    }

    @Test(arguments: [
        ("/start", ParsedCommand(name: "start")),
        ("/start@MyBot payload", ParsedCommand(name: "start", username: "MyBot", arguments: "payload")),
        ("/start@MyBot", ParsedCommand(name: "start", username: "MyBot")),
        ("/ban   2h spamming", ParsedCommand(name: "ban", arguments: "2h spamming")),
        ("/echo line one\nline two", ParsedCommand(name: "echo", arguments: "line one\nline two")),
    ])
    func parsesCommands(text: String, expected: ParsedCommand) {
        #expect(ParsedCommand(parsing: text) == expected)
    }

    @Test func nonCommandsAreNotParsed() {
        #expect(ParsedCommand(parsing: "hello /start") == nil)
        #expect(ParsedCommand(parsing: "/") == nil)
        #expect(ParsedCommand(parsing: "") == nil)
    }

    @Test func commandAddressing() throws {
        #expect(ParsedCommand(name: "start").isAddressed(to: "MyBot"), "a bare command is for every bot")
        #expect(ParsedCommand(name: "start", username: "mybot").isAddressed(to: "MyBot"), "names compare case-insensitively")
        #expect(!ParsedCommand(name: "start", username: "OtherBot").isAddressed(to: "MyBot"))
    }

    @Test func botCommandComesFromTheEntityAtOffsetZero() throws {
        let text = "/start@MyBot ref_42 😂"
        let command = try message(text, entities: [MessageEntity(type: .botCommand, offset: 0, length: 12)]).botCommand
        #expect(command == ParsedCommand(name: "start", username: "MyBot", arguments: "ref_42 😂"))

        let midText = try message("see /help", entities: [MessageEntity(type: .botCommand, offset: 4, length: 5)])
        #expect(midText.botCommand == nil, "only a command at the start is the message's command")
        #expect(try message("/start", entities: []).botCommand == nil, "without the entity it is not a command")
    }
}
