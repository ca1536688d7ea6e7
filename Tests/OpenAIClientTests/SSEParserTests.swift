import Foundation
import OpenAIClient
import Testing

@Suite struct SSEParserTests {
    /// Parses `text` fed in the given pieces, then finishes.
    private func parse(_ pieces: [[UInt8]]) -> [ServerSentEvent] {
        var parser = SSEParser()
        var events = pieces.flatMap { parser.feed($0) }
        events += parser.finish()
        return events
    }

    private func parse(_ text: String) -> [ServerSentEvent] {
        parse([Array(text.utf8)])
    }

    @Test func dispatchesEventsAtBlankLines() {
        let events = parse("data: one\n\ndata: two\n\n")
        #expect(events == [ServerSentEvent(data: "one"), ServerSentEvent(data: "two")])
    }

    @Test(arguments: ["\n", "\r\n", "\r"])
    func acceptsEveryLineEnd(_ end: String) {
        let text = ["event: update", "data: first", "data: second", "", "data: third", "", ""].joined(separator: end)
        #expect(parse(text) == [
            ServerSentEvent(event: "update", data: "first\nsecond"),
            ServerSentEvent(data: "third"),
        ])
    }

    @Test func skipsCommentsAndUnknownFields() {
        let events = parse(": keep-alive\n\n: ping\nfoo: bar\ndata: real\n\n")
        #expect(events == [ServerSentEvent(data: "real")])
    }

    @Test func keepsValueSpacingBeyondTheFirstSpaceAndAcceptsNoSpace() {
        let events = parse("data:tight\n\ndata:  two spaces\n\ndata\n\n")
        #expect(events.map(\.data) == ["tight", " two spaces", ""])
    }

    @Test func carriesTheLastEventIDAndReadsRetry() {
        let events = parse("id: 7\nretry: 1500\ndata: a\n\ndata: b\n\nid\nretry: soon\ndata: c\n\n")
        #expect(events == [
            ServerSentEvent(data: "a", id: "7", retry: 1500),
            ServerSentEvent(data: "b", id: "7"),
            ServerSentEvent(data: "c", id: ""),
        ])
    }

    @Test func eventNameDoesNotLeakIntoTheNextEvent() {
        let events = parse("event: error\ndata: x\n\ndata: y\n\n")
        #expect(events.map(\.event) == ["error", nil])
    }

    @Test func blockWithoutDataDispatchesNothing() {
        #expect(parse("event: ping\n\nid: 3\n\n").isEmpty)
    }

    @Test func dropsALeadingByteOrderMarkOnly() {
        let events = parse([[0xEF, 0xBB], [0xBF] + Array("data: bom\n\ndata: \u{FEFF}kept\n\n".utf8)])
        #expect(events.map(\.data) == ["bom", "\u{FEFF}kept"])
    }

    @Test func finishDispatchesAnUnterminatedLastEvent() {
        #expect(parse("data: {}\n\ndata: [DONE]").map(\.data) == ["{}", "[DONE]"])
        #expect(parse("data: [DONE]\n").map(\.data) == ["[DONE]"])
    }

    @Test func holdsBackAnEventUntilItsBlankLineArrives() {
        var parser = SSEParser()
        #expect(parser.feed(Array("data: partial\n".utf8)).isEmpty)
        #expect(parser.feed(Array("\n".utf8)) == [ServerSentEvent(data: "partial")])
    }

    @Test func crThenLFInTheNextChunkIsOneLineEnd() {
        var parser = SSEParser()
        #expect(parser.feed(Array("data: a\r".utf8)).isEmpty)
        #expect(parser.feed(Array("\n".utf8)).isEmpty, "the \\n completes \\r\\n; it is not a blank line")
        #expect(parser.feed(Array("\r\n".utf8)) == [ServerSentEvent(data: "a")])
    }

    /// Every way of cutting the stream in two, and byte by byte, gives the events of the whole.
    @Test(arguments: ["\n", "\r\n", "\r"])
    func splitAnywhereGivesTheSameEvents(_ end: String) {
        let text = [": keep-alive", "event: 消息", "data: 你好，世界 🌏", "data: second line", "", "id: é", "data: {\"x\":\"ü\"}", "", ""]
            .joined(separator: end)
        let bytes = Array(text.utf8)
        let whole = parse([bytes])
        #expect(whole.count == 2)
        #expect(whole.first?.data == "你好，世界 🌏\nsecond line")
        for cut in 0...bytes.count {
            #expect(parse([Array(bytes[..<cut]), Array(bytes[cut...])]) == whole, "cut at byte \(cut)")
        }
        #expect(parse(bytes.map { [$0] }) == whole)
    }
}
