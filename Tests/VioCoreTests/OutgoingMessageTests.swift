import Foundation
import Testing
import VioCore

@Suite struct OutgoingMessageTests {
    let picture = URL(string: "https://example.com/cat.png")

    @Test func interpolationMakesPartsAndMergesText() throws {
        let url = try #require(picture)
        let message: OutgoingMessage = "hi \(mention: 42), look: \(image: url) \(3) cats"
        #expect(message.parts == [.text("hi "), .mention(42), .text(", look: "), .image(url: url), .text(" 3 cats")])
        #expect(message.plainText == "hi @42, look:  3 cats")
    }

    @Test func theBuilderTakesStringsPartsConditionsAndLoops() throws {
        let url = try #require(picture)
        let lucky = false
        let message = OutgoingMessage {
            "result:"
            if lucky { " lucky" } else { " muted" }
            for index in 1...2 { OutgoingPart.text(" \(index)") }
            OutgoingPart.image(url: url)
        }
        #expect(message.parts == [.text("result:"), .text(" muted"), .text(" 1"), .text(" 2"), .image(url: url)])
    }

    @Test func replyingPutsOneQuoteFirst() {
        let message = OutgoingMessage([.text("a"), .reply(to: 1)]).replying(to: 2)
        #expect(message.parts == [.reply(to: 2), .text("a")])
        #expect(message.replyTo == 2)
    }

    @Test func forwardBundlesReadAsTheirNodes() {
        let node = { (text: String) in ForwardNode(senderID: 1, senderName: "Vio", message: OutgoingMessage(stringLiteral: text)) }
        let message = OutgoingMessage([.forward([node("one"), node("two")])])
        #expect(message.plainText == "one\ntwo")
    }
}

@Suite struct JSONValueTests {
    @Test func decodingKeepsIntegersExactAndTypesApart() throws {
        let json = Data(#"{"id": 9007199254740993, "ratio": 0.5, "name": "vio", "ok": true, "none": null, "list": [1, "2"]}"#.utf8)
        let value = try JSONDecoder().decode(JSONValue.self, from: json)
        #expect(value["id"] == .int(9_007_199_254_740_993))
        #expect(value["ratio"] == .double(0.5))
        #expect(value["ok"]?.boolValue == true)
        #expect(value["none"]?.isNull == true)
        #expect(value["list"]?[1]?.int64Value == 2, "numeric strings read as integers when asked")
        #expect(value["missing"] == nil)
        let again = try JSONDecoder().decode(JSONValue.self, from: try JSONEncoder().encode(value))
        #expect(again == value)
    }

    @Test func literalsBuildValues() {
        let value: JSONValue = ["group_id": 123, "enable": true, "tags": ["a", "b"], "rate": 1.5, "x": nil]
        #expect(value["group_id"]?.textValue == "123")
        #expect(value["tags"]?.arrayValue?.count == 2)
        #expect(value["x"] == .null)
    }
}
