import Foundation
import Testing
import VioCore
import VioServerTesting
import VioTestSupport
@testable import VioServerKit

/// The fuzz of OneBotTests' `EventPathFuzzTests`, over a real socket into the real Vio bot: mutated
/// recorded frames and frames of 20 KB, 300 KB and 4 MB on one connection, which must stay up.
@Suite struct EventPathFuzzEndToEndTests {
    static let selfID: Int64 = 123_456_789

    @Test func mutatedAndHugeFramesLeaveTheConnectionUpAndAPingAnswered() async throws {
        let directory = try TemporaryDirectory()
        let log = LogRecorder()
        let upstreams = FakeUpstreams()
        // Fewer and shorter than OneBotTests' fuzz: the frames of 20 KB to 4 MB come after them.
        var mutator = OneBotFrameMutator(corpus: try RecordedOneBotFrames.eventsAndResponses(), seed: 20_261_202)
        mutator.maximumStringLength = 20_000
        let mutated = (0..<500).map { _ in mutator.next() }
        try await upstreams.run { baseURL in
            try await RunningServer.withVioBot(dataDirectory: directory.url, logger: log.logger("vio-server"), configure: { configuration in
                configuration.chat = .init(apiKey: Redacted("sk-test-key-0123456789"), baseURL: baseURL.appendingPathComponent("v1"), model: "fake")
                configuration.pictureAPIURL = baseURL.appendingPathComponent("setu/v2")
                configuration.huntSoundBaseURL = baseURL.appendingPathComponent("sounds/")
            }) { server in
                try await ScriptedOneBotPeer.connect(port: server.port, selfID: Self.selfID) { peer in
                    for frame in mutated {
                        try await peer.send(String(decoding: frame, as: UTF8.self))
                    }
                    try await peer.send(LargeFrameTests.ping(size: 20_000, selfID: Self.selfID, messageID: 1))
                    try await peer.send(OneBotFrames.groupMessage(String(repeating: "长文", count: 50_000), atBot: false, selfID: Self.selfID, messageID: 2))
                    try await peer.send(Self.groupImage(base64Bytes: 4_000_000, messageID: 3))
                    try await peer.send(OneBotFrames.privateMessage("/ping", from: 4_242_424_242, selfID: Self.selfID, messageID: 4))
                    // Answer whatever the bot does about the fuzz until the last ping's pong comes.
                    var pongs = 0
                    while true {
                        let action = try await peer.nextAction()
                        try await peer.respond(to: action, data: ["message_id": 1])
                        guard action.messageText.hasPrefix("pong") else { continue }
                        pongs += 1
                        if action.params["user_id"]?.int64Value == 4_242_424_242 { break }
                    }
                    #expect(pongs >= 1)
                    #expect(!log.entries.contains { $0.message.contains("OneBot peer disconnected") }, "the connection stayed up")
                }
            }
        }
        #expect(log.entries.contains { $0.message.contains("dropped a frame from the OneBot peer") }, "broken frames are logged as they are skipped")
        #expect(!log.entries.contains { $0.level == .critical })
    }

    /// A group message not addressed to the bot whose image is inline base64, as NapCat forwards it.
    static func groupImage(base64Bytes: Int, messageID: Int64) -> String {
        let image = String(repeating: "QUJD", count: base64Bytes / 4)
        return #"{"time":1700000000,"self_id":\#(selfID),"post_type":"message","message_type":"group","sub_type":"normal","message_id":\#(messageID),"group_id":20002,"user_id":10001,"message":[{"type":"image","data":{"file":"base64://\#(image)","sub_type":0}}],"raw_message":"[CQ:image,file=base64://\#(image)]","font":0,"sender":{"user_id":10001,"nickname":"Tester","role":"member"}}"#
    }
}
