import Foundation
import OpenAIClient
import Testing

@Suite struct SSEParserTests {
    /// Parses `text` fed in the given pieces, then finishes.
    private func parse(_ pieces: [[UInt8]]) throws -> [ServerSentEvent] {
        var parser = SSEParser()
        var events = try pieces.flatMap { try parser.feed($0) }
        events += parser.finish()
        return events
    }

    private func parse(_ text: String) throws -> [ServerSentEvent] {
        try parse([Array(text.utf8)])
    }

    @Test func dispatchesEventsAtBlankLines() throws {
        let events = try parse("data: one\n\ndata: two\n\n")
        #expect(events == [ServerSentEvent(data: "one"), ServerSentEvent(data: "two")])
    }

    @Test func encodedEventsParseBackToThemselves() throws {
        let events = [
            ServerSentEvent(data: #"{"delta":"你好"}"#),
            ServerSentEvent(data: ""),
            ServerSentEvent(event: "done", data: "two\nlines", id: "7", retry: 1500),
        ]
        #expect(events[2].encoded == "event: done\nid: 7\nretry: 1500\ndata: two\ndata: lines\n\n")
        #expect(try parse(events.map(\.encoded).joined()) == events)
    }

    @Test(arguments: ["\n", "\r\n", "\r"])
    func acceptsEveryLineEnd(_ end: String) throws {
        let text = ["event: update", "data: first", "data: second", "", "data: third", "", ""].joined(separator: end)
        #expect(try parse(text) == [
            ServerSentEvent(event: "update", data: "first\nsecond"),
            ServerSentEvent(data: "third"),
        ])
    }

    @Test func skipsCommentsAndUnknownFields() throws {
        let events = try parse(": keep-alive\n\n: ping\nfoo: bar\ndata: real\n\n")
        #expect(events == [ServerSentEvent(data: "real")])
    }

    @Test func keepsValueSpacingBeyondTheFirstSpaceAndAcceptsNoSpace() throws {
        let events = try parse("data:tight\n\ndata:  two spaces\n\ndata\n\n")
        #expect(events.map(\.data) == ["tight", " two spaces", ""])
    }

    @Test func carriesTheLastEventIDAndReadsRetry() throws {
        let events = try parse("id: 7\nretry: 1500\ndata: a\n\ndata: b\n\nid\nretry: soon\ndata: c\n\n")
        #expect(events == [
            ServerSentEvent(data: "a", id: "7", retry: 1500),
            ServerSentEvent(data: "b", id: "7"),
            ServerSentEvent(data: "c", id: ""),
        ])
    }

    @Test func eventNameDoesNotLeakIntoTheNextEvent() throws {
        let events = try parse("event: error\ndata: x\n\ndata: y\n\n")
        #expect(events.map(\.event) == ["error", nil])
    }

    @Test func blockWithoutDataDispatchesNothing() throws {
        #expect(try parse("event: ping\n\nid: 3\n\n").isEmpty)
    }

    @Test func dropsALeadingByteOrderMarkOnly() throws {
        let events = try parse([[0xEF, 0xBB], [0xBF] + Array("data: bom\n\ndata: \u{FEFF}kept\n\n".utf8)])
        #expect(events.map(\.data) == ["bom", "\u{FEFF}kept"])
    }

    @Test func finishDispatchesAnUnterminatedLastEvent() throws {
        #expect(try parse("data: {}\n\ndata: [DONE]").map(\.data) == ["{}", "[DONE]"])
        #expect(try parse("data: [DONE]\n").map(\.data) == ["[DONE]"])
    }

    @Test func holdsBackAnEventUntilItsBlankLineArrives() throws {
        var parser = SSEParser()
        #expect(try parser.feed(Array("data: partial\n".utf8)).isEmpty)
        #expect(try parser.feed(Array("\n".utf8)) == [ServerSentEvent(data: "partial")])
    }

    @Test func crThenLFInTheNextChunkIsOneLineEnd() throws {
        var parser = SSEParser()
        #expect(try parser.feed(Array("data: a\r".utf8)).isEmpty)
        #expect(try parser.feed(Array("\n".utf8)).isEmpty, "the \\n completes \\r\\n; it is not a blank line")
        #expect(try parser.feed(Array("\r\n".utf8)) == [ServerSentEvent(data: "a")])
    }

    /// Every way of cutting the stream in two, and byte by byte, gives the events of the whole.
    @Test(arguments: ["\n", "\r\n", "\r"])
    func splitAnywhereGivesTheSameEvents(_ end: String) throws {
        let text = [": keep-alive", "event: 消息", "data: 你好，世界 🌏", "data: second line", "", "id: é", "data: {\"x\":\"ü\"}", "", ""]
            .joined(separator: end)
        let bytes = Array(text.utf8)
        let whole = try parse([bytes])
        #expect(whole.count == 2)
        #expect(whole.first?.data == "你好，世界 🌏\nsecond line")
        for cut in 0...bytes.count {
            #expect(try parse([Array(bytes[..<cut]), Array(bytes[cut...])]) == whole, "cut at byte \(cut)")
        }
        #expect(try parse(bytes.map { [$0] }) == whole)
    }
}

/// The parser's memory stays bounded whatever the server sends.
@Suite struct SSEParserLimitTests {
    @Test func aLineThatNeverEndsIsRefusedOnceItOutgrowsTheLimit() throws {
        var parser = SSEParser(maximumEventSize: 64)
        #expect(try parser.feed(Array("data: ".utf8) + Array(repeating: UInt8(ascii: "x"), count: 50)).isEmpty)
        #expect(throws: SSEParser.EventTooLarge(limit: 64)) {
            try parser.feed(Array(repeating: UInt8(ascii: "x"), count: 50))
        }
    }

    @Test func anEventOfManyShortDataLinesIsRefusedOnceItOutgrowsTheLimit() {
        var parser = SSEParser(maximumEventSize: 64)
        let lines = Array(String(repeating: "data: 0123456789\n", count: 10).utf8)
        #expect(throws: SSEParser.EventTooLarge(limit: 64)) { try parser.feed(lines) }
    }

    @Test func eventsUpToTheLimitPassAndTheLimitIsPerEvent() throws {
        var parser = SSEParser(maximumEventSize: 64)
        let event = "data: " + String(repeating: "y", count: 50) + "\n\n"
        let events = try parser.feed(Array(String(repeating: event, count: 20).utf8))
        #expect(events.count == 20)
        #expect(events.allSatisfy { $0.data.count == 50 })
    }

    @Test func theStreamDecoderReportsAnOversizedEventAsADecodingFailure() {
        var decoder = ChatStreamDecoder(maximumEventSize: 32)
        #expect {
            try decoder.feed(Array(("data: {\"id\":\"" + String(repeating: "z", count: 40)).utf8))
        } throws: { error in
            guard case .decodingFailed(what: "stream event", let reason, _)? = error as? OpenAIError else { return false }
            return reason.contains("32 bytes")
        }
    }
}
