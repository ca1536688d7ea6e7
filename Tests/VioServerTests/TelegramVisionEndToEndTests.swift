import Foundation
import Testing
import VioCore
@testable import VioServerKit
import VioServerTesting

/// `VIO_VISION` on Telegram: the largest size of a photo, fetched by getFile and downloaded by the
/// server, reaches the fake model inline; the file link (it holds the token) never does.
extension TelegramGroupEndToEndTests {
    @Test func aPhotosLargestSizeReachesTheModelAsADataURLAndTheTokenStaysHome() async throws {
        let directory = try TemporaryDirectory()
        let api = FakeBotAPI()
        let upstreams = FakeUpstreams()
        let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + (0..<2000).map { UInt8(truncatingIfNeeded: $0 * 13) })
        api.host(file: Data([0xFF, 0xD8, 0xFF, 0xE0, 1]), id: "small")
        api.host(file: png, id: "large")
        let photo = #"{"update_id":1,"message":{"message_id":70,"date":1700000000,"chat":\#(T.privateChat),"from":{"id":42,"is_bot":false,"first_name":"Ann"},"caption":"这是哪里？","photo":[{"file_id":"small","file_unique_id":"s","width":90,"height":60},{"file_id":"large","file_unique_id":"l","width":1280,"height":853}]}}"#
        try await run(api, upstreams: upstreams, in: directory.url, configure: { $0.vision = true }) {
            api.queue([photo])
            await T.answer("答复2", from: api)
        }
        #expect(api.calls.filter { $0.method == "getFile" }.map(\.params) == [["file_id": "large"]])
        let request = try #require(upstreams.requests(to: "chat").first)
        #expect(request["messages"]?.arrayValue?.last?["content"] == [
            ["type": "text", "text": "这是哪里？"],
            ["type": "image_url", "image_url": ["url": .string("data:image/png;base64," + png.base64EncodedString())]],
        ])
        #expect(!String(decoding: try JSONEncoder().encode(request), as: UTF8.self).contains(FakeBotAPI.token))
    }
}
