import Foundation
import Testing
import VioCore
@testable import VioServerKit
import VioServerTesting

/// `VIO_VISION` through the scripted OneBot peer: a QQ picture, served like QQ's picture servers
/// serve them, reaches the fake model inline.
extension VioBotEndToEndTests {
    @Test func aQQPictureReachesTheModelAsADataURLWithTheExactBytes() async throws {
        let directory = try TemporaryDirectory()
        let upstreams = FakeUpstreams()
        let jpeg = Data([0xFF, 0xD8, 0xFF, 0xE0] + (0..<3000).map { UInt8(truncatingIfNeeded: $0 * 7) })
        upstreams.host(picture: jpeg, named: "C0FFEE.jpg")
        try await run(upstreams, in: directory.url, configure: { $0.vision = true }) { peer in
            let link = try #require(upstreams.pictureURL(named: "C0FFEE.jpg"))
            try await peer.send(OneBotFrames.privateMessage("这是什么？[CQ:image,file=C0FFEE.jpg,url=\(link.absoluteString)]", selfID: Self.selfID))
            #expect(try await peer.answerNext("send_msg").messageText == "答复2")
        }
        let content = upstreams.requests(to: "chat").first?["messages"]?.arrayValue?.last?["content"]
        #expect(content == [
            ["type": "text", "text": "这是什么？"],
            ["type": "image_url", "image_url": ["url": .string("data:image/jpeg;base64," + jpeg.base64EncodedString())]],
        ])
    }
}
