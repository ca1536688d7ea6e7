import Foundation
import Testing
import VioCore
@testable import OneBot

@Suite struct JSONWriterTests {
    /// The frame a message makes, read back as a JSON value.
    func frame(_ action: SendMessage) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: try OneBotSession.frame(for: action, echo: "7"))
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
