import Foundation
import Hummingbird
import Testing
import VioCore
import VioServerTesting
import VioTestSupport
@testable import VioServerKit

/// A picture API and a model that answer with 100 MiB: vio-server reads no further than its limit,
/// the user hears a short message, and the bot goes on answering.
@Suite struct OversizedUpstreamTests {
    static let selfID: Int64 = 3_000_000_003

    /// Routes that answer every request with `size` bytes of JSON-looking junk, in 1 MiB chunks.
    static func hugeAnswers(size: Int) -> Router<BasicRequestContext> {
        let router = Router()
        let answer: @Sendable (Request, BasicRequestContext) async throws -> Response = { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json"], body: .mebibytes(size >> 20, prefix: #"{"data":[{"title":""#, suffix: #""}]}"#))
        }
        router.post("setu/v2", use: answer)
        router.post("v1/chat/completions", use: answer)
        return router
    }

    @Test func upstreamsThatSend100MiBAreCutOffAndTheUserHearsAboutIt() async throws {
        let directory = try TemporaryDirectory()
        let log = LogRecorder()
        try await LoopbackServer.run(Self.hugeAnswers(size: 100 << 20)) { baseURL in
            try await RunningServer.withVioBot(dataDirectory: directory.url, logger: log.logger("vio-server"), configure: { configuration in
                configuration.chat = .init(apiKey: Redacted("sk-test-key-0123456789"), baseURL: baseURL.appendingPathComponent("v1"), model: "fake")
                configuration.pictureAPIURL = baseURL.appendingPathComponent("setu/v2")
            }) { server in
                try await ScriptedOneBotPeer.connect(port: server.port, selfID: Self.selfID) { peer in
                    try await peer.send(OneBotFrames.privateMessage("来份涩图", selfID: Self.selfID, messageID: 1))
                    #expect(try await peer.answerNext("send_msg").messageText == FeatureTexts.Picture.apiFailed)
                    try await peer.send(OneBotFrames.privateMessage("你好", selfID: Self.selfID, messageID: 2))
                    #expect(try await peer.answerNext("send_msg").messageText == FeatureTexts.Model.failed)
                    try await peer.send(OneBotFrames.privateMessage("/ping", selfID: Self.selfID, messageID: 3))
                    #expect(try await peer.answerNext("send_msg").messageText.hasPrefix("pong"))
                }
            }
        }
        let said = log.entries.map(\.description).joined(separator: "\n")
        #expect(said.contains("sent a response larger than \(PictureAPI.maximumAnswerSize) bytes"), "the log says the picture API's answer was cut off")
        #expect(said.contains("sent more than \(VioCore.HTTPRequest.defaultMaximumBodySize) bytes"), "the log says the model's answer was cut off")
    }
}
