import Foundation
import OneBot
import Testing
import VioCore

@Suite struct SegmentFixtureTests {
    private func segment(_ name: String) throws -> Segment {
        try JSONDecoder().decode(Segment.self, from: try Fixture.data(name))
    }

    @Test func everySegmentFixtureDecodesToItsTypedCaseAndReencodes() throws {
        let names = try Fixture.names(prefix: "segment-")
        #expect(names.count == 17)
        for name in names {
            let segment = try segment(name)
            if case .unknown(let type, _) = segment { Issue.record("\(name) decoded as unknown \(type)") }
            let again = try JSONDecoder().decode(Segment.self, from: try JSONEncoder().encode(segment))
            #expect(again == segment, "\(name) round-trips")
            let viaCQ = Message(cq: Message([segment]).cqString).segments
            if case .node(let node) = segment, case .node(let parsed)? = viaCQ.first {
                #expect(parsed.content == node.content, "\(name): node content survives as a nested CQ string")
            } else {
                #expect(viaCQ == [segment], "\(name) round-trips as CQ")
            }
        }
    }

    @Test func typedAccessors() throws {
        guard case .at(let at) = try segment("segment-at-with-name.json") else { throw Fixture.Missing(name: "at") }
        #expect(at.target == .user(10_001_000))
        #expect(at.name == "此栏无效，此人在群里")
        guard case .music(let music) = try segment("segment-music-custom.json") else { throw Fixture.Missing(name: "music") }
        #expect(music.platform == "custom")
        #expect(music.audio == "http://baidu.com/1.mp3")
        guard case .location(let location) = try segment("segment-location.json") else { throw Fixture.Missing(name: "loc") }
        #expect(location.latitude == 39.8969426)
        guard case .contact(let contact) = try segment("segment-contact-group.json") else { throw Fixture.Missing(name: "contact") }
        #expect(contact.isGroup)
        #expect(contact.id == 100_100)
        guard case .reply(let reply) = try segment("segment-reply.json") else { throw Fixture.Missing(name: "reply") }
        #expect(reply.id == 123_456)
        guard case .poke(let poke) = try segment("segment-poke.json") else { throw Fixture.Missing(name: "poke") }
        #expect(poke.kind == "126")
        guard case .json(let card) = try segment("segment-json.json") else { throw Fixture.Missing(name: "json") }
        #expect(card.content == "{\"app\": ...")
    }

    @Test func customNodesInBothSpellingsAndContentFormats() throws {
        guard case .node(let arrayNode) = try segment("segment-node-custom-array-content.json"),
              case .node(let stringNode) = try segment("segment-node-custom-string-content.json") else { throw Fixture.Missing(name: "node") }
        #expect(arrayNode.user == 10_001_000)
        #expect(arrayNode.nickname == "某人")
        #expect(arrayNode.content == stringNode.content)
        #expect(arrayNode.content == [.face(123), .text("哈喽～")])

        let gocq = try JSONDecoder().decode(Message.self, from: try Fixture.data("forward-nodes-custom-gocq-name-uin.json"))
        let nodes = gocq.segments.compactMap { if case .node(let node) = $0 { node } else { nil } }
        #expect(nodes.map(\.nickname) == ["消息发送者A", "消息发送者B"])
        #expect(nodes.map(\.user) == [10086, 10087])
        #expect(nodes.last?.content?.segments.first == .image(Segment.Image(file: "xxxxx")))

        let byID = try JSONDecoder().decode(Message.self, from: try Fixture.data("forward-nodes-by-id.json"))
        #expect(byID.segments == [.node(Segment.Node(messageID: 123)), .node(Segment.Node(messageID: 456))])
        let mixed = try JSONDecoder().decode(Message.self, from: try Fixture.data("forward-nodes-mixed-seq-time.json"))
        #expect(mixed.segments.count == 2)
    }

    @Test func messageArraysWithNumbersOrStrings() throws {
        let numeric = try JSONDecoder().decode(Message.self, from: try Fixture.data("message-array-napcat-numeric-data.json"))
        #expect(numeric.segments[2] == .at(123_456_789))
        #expect(numeric.segments[3] == .face(123))
        #expect(numeric.segments[4] == .reply(to: 1001))
        let spec = try JSONDecoder().decode(Message.self, from: try Fixture.data("message-array-text-image-face.json"))
        #expect(spec.cqString == "&#91;第一部分&#93;[CQ:image,file=123.jpg]图片之后的部分，表情：[CQ:face,id=123]")
        let gocq = try JSONDecoder().decode(Message.self, from: try Fixture.data("message-array-at-qq-number.json"))
        #expect(gocq == "\(at: 123456)早上好啊")
    }

    @Test func builderAndInterpolation() throws {
        let url = try #require(URL(string: "https://example.com/a.png"))
        let built = Message {
            "hi "
            Segment.at(123)
            " look"
            Segment.image(url: url)
        }
        #expect(built == "hi \(at: 123) look\(image: url)")
        #expect(built.cqString == "hi [CQ:at,qq=123] look[CQ:image,file=https://example.com/a.png]")
        let json = String(decoding: try JSONEncoder().encode(Message("a")), as: UTF8.self)
        #expect(json == #"[{"data":{"text":"a"},"type":"text"}]"# || json == #"[{"type":"text","data":{"text":"a"}}]"#)
    }
}
