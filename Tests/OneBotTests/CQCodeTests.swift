import Foundation
import OneBot
import Testing
import VioCore
import VioTestSupport

@Suite struct CQCodeTests {
    @Test func everyRecordedStringRoundTripsExactly() throws {
        let lines = try Fixture.cqStrings()
        #expect(lines.count == 21)
        for line in lines {
            let segments = CQCode.parse(line)
            #expect(CQCode.serialize(segments) == line)
            #expect(!segments.isEmpty)
        }
    }

    @Test func parsesTypesAndParameters() {
        let segments = CQCode.parse("[CQ:face,id=178]看看我刚拍的照片[CQ:image,file=123.jpg]")
        #expect(segments == [.face(178), .text("看看我刚拍的照片"), .image(Segment.Image(file: "123.jpg"))])
        guard case .share(let share) = CQCode.parse("[CQ:share,title=标题中有=等号,url=http://baidu.com]").first else {
            Issue.record("expected a share")
            return
        }
        #expect(share.title == "标题中有=等号", "a value splits on the first = only")
        guard case .share(let escaped) = CQCode.parse("[CQ:share,title=震惊&#44;小伙睡觉前居然...,url=http://baidu.com/?a=1&amp;b=2]").first else {
            Issue.record("expected a share")
            return
        }
        #expect(escaped.title == "震惊,小伙睡觉前居然...")
        #expect(escaped.url == "http://baidu.com/?a=1&b=2")
    }

    @Test func escapesTextAndParametersDifferently() {
        #expect(CQCode.escape("a,b&[c]") == "a,b&amp;&#91;c&#93;")
        #expect(CQCode.escape("a,b&[c]", inParameter: true) == "a&#44;b&amp;&#91;c&#93;")
        let message: Message = [.text("[1,2] & 🙂"), .share(Segment.Share(url: "http://x/?a=1&b=2", title: "a,b [c]"))]
        #expect(message.cqString == "&#91;1,2&#93; &amp; 🙂[CQ:share,url=http://x/?a=1&amp;b=2,title=a&#44;b &#91;c&#93;]")
        #expect(Message(cq: message.cqString) == message)
    }

    @Test func literalEntitiesSurviveARoundTrip() {
        let text: Message = "use &#91; and &amp; literally"
        #expect(text.cqString == "use &amp;#91; and &amp;amp; literally")
        #expect(Message(cq: text.cqString) == text)
        #expect(CQCode.unescape("&amp;#91;") == "&#91;")
        #expect(CQCode.parse("- &#91;x&#93; 使用 `&amp;data` 获取地址") == [.text("- [x] 使用 `&data` 获取地址")])
    }

    @Test func malformedCodesStayText() {
        let cases = [
            "[CQ:face,id=1", "[CQ:face,id]", "[CQ:,x=1]", "[CQ:]", "[CQ:face,=1]", "[CQ:face,id=1,]",
            "[CQ:face,id=1[CQ:at,qq=2]", "[cq:face,id=1]", "[CQ", "[", "]", "a & b", "&#91", "[CQ:face,id=1[",
        ]
        for input in cases {
            let segments = CQCode.parse(input)
            let text = segments.compactMap(\.text).joined()
            let rendered = segments.map { $0.text ?? CQCode.serialize([$0]) }.joined()
            #expect(rendered == input, "no character of \(input) is lost")
            if !input.contains("[CQ:at") { #expect(text == input) }
        }
        #expect(CQCode.parse("[CQ:face,id=1[CQ:at,qq=2]") == [.text("[CQ:face,id=1"), .at(2)])
    }

    @Test func unknownCodesRoundTrip() {
        let line = "[CQ:onlinefile,msgId=1,isDir=false]x"
        guard case .unknown(let type, let data) = CQCode.parse(line).first else {
            Issue.record("expected an unknown segment")
            return
        }
        #expect(type == "onlinefile")
        #expect(data.bool("isDir") == false)
        #expect(CQCode.serialize(CQCode.parse(line)) == line)
    }

    @Test func randomSegmentArraysRoundTripThroughStringAndArrayFormats() throws {
        var generator = SeededGenerator(seed: 42)
        for _ in 0..<500 {
            let message = Message.random(using: &generator)
            #expect(Message(cq: message.cqString) == message, "string format: \(message.cqString)")
            let json = try JSONEncoder().encode(message)
            #expect(try JSONDecoder().decode(Message.self, from: json) == message, "array format")
            #expect(Message(jsonValue: message.jsonValue) == message, "JSON value")
        }
    }
}

extension Message {
    /// A message of random segments whose text is drawn from the characters CQ codes must escape;
    /// adjacent texts are joined, as parsing a string would.
    static func random(using generator: inout SeededGenerator) -> Message {
        let pieces = ["a", "[", "]", "&", ",", "=", "&#91;", "&amp;", "[CQ:", "你好", "🙂", " ", "\n"]
        func text(_ count: Int) -> String {
            (0..<count).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
        }
        var message = Message()
        for _ in 0..<Int.random(in: 0...6, using: &generator) {
            switch Int.random(in: 0...5, using: &generator) {
            case 0: message.append(.text(text(Int.random(in: 1...5, using: &generator))))
            case 1: message.append(.at(ID(Int64.random(in: 1...9_999_999_999, using: &generator))))
            case 2: message.append(.face(Int.random(in: 0...300, using: &generator)))
            case 3: message.append(.share(Segment.Share(url: "http://x/?" + text(3), title: text(4))))
            case 4: message.append(.unknown(type: "x" + String(Int.random(in: 0...9, using: &generator)), data: ["k": .string(text(3)), "v": .string(text(2))]))
            default: message.append(.reply(to: ID(Int64.random(in: -2_147_483_648...2_147_483_647, using: &generator))))
            }
        }
        return message
    }
}
