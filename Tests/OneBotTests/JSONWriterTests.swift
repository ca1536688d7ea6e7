import Foundation
import Testing
import VioCore
import VioTestSupport
@testable import OneBot

@Suite struct JSONWriterTests {
    /// The frame a message makes, read back as a JSON value.
    func frame(_ action: SendMessage) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: try OneBotFrame.request(for: action, echo: "7"))
    }

    @Test func handWrittenSendFramesSayWhatJSONEncoderWouldSay() throws {
        var generator = SeededGenerator(seed: 20_261_125)
        for index in 0..<300 {
            let message = Message.random(using: &generator)
            let target: MessageTarget = index.isMultiple(of: 2) ? .user(ID(Int64(index))) : .group(ID("g\(index)"))
            for format in [MessageFormat.array, .string] {
                let action = SendMessage(to: target, message: message, format: format)
                let expected = try JSONDecoder().decode(JSONValue.self, from: try JSONEncoder().encode(action))
                let written = try frame(action)
                #expect(written["params"] == expected, "message \(index) in \(format) format")
                #expect(written["action"] == "send_msg")
                #expect(written["echo"] == "7")
            }
        }
    }

    @Test func stringsAreEscapedAsJSONRequires() throws {
        let text = "quote \" backslash \\ newline \n tab \t bell \u{7} 中文 😀 [CQ:at,qq=1] &#91;"
        let written = try frame(SendMessage(to: .user(1), message: Message([.text(text)])))
        #expect(written["params"]?["message"]?[0]?["data"]?["text"]?.stringValue == text)
    }

    @Test func valuesOfEveryKindSurvive() throws {
        let data: JSONValue = ["n": nil, "t": true, "f": false, "i": -9_223_372_036_854_775_807, "d": 1.5, "s": "x", "a": [1, "2", [3]], "o": ["k": "v"]]
        var writer = JSONWriter()
        writer.value(data)
        #expect(try JSONDecoder().decode(JSONValue.self, from: writer.data) == data)
    }
}

@Suite struct SentMessageReadingTests {
    @Test func sendAnswersAreReadWithoutJSONDecoderAndAgreeWithIt() throws {
        for data in [#"{"message_id":-2147483557}"#, #"{"message_id":"123","forward_id":"abc"}"#, #"{"res_id":"r1","extra":[1,{"x":2}]}"#, "{}"] {
            let bytes = Data(data.utf8)
            let read = try JSONReader.read(bytes) { reader in try SentMessage(reading: &reader) }
            #expect(read == (try JSONDecoder().decode(SentMessage.self, from: bytes)), "\(data)")
        }
        let nothing = try JSONReader.read(Data("null".utf8)) { reader in try SentMessage(reading: &reader) }
        #expect(nothing.messageID == nil, "a send answered with null data still succeeded")
    }
}
