import Foundation
import Testing
import VioCore
import VioCoreTesting
@testable import VioServerKit
import VioServerTesting

/// A Telegram chat answer shown while the fake model still streams it, then edited to the whole.
extension TelegramGroupEndToEndTests {
    @Test func theAnswerAppearsBeforeTheModelIsDoneAndIsEditedToTheWhole() async throws {
        let directory = try TemporaryDirectory()
        let api = FakeBotAPI()
        let streamGate = Gate()
        let upstreams = FakeUpstreams(streamGate: streamGate)
        try await run(api, upstreams: upstreams, in: directory.url) {
            api.queue([T.message(1, id: 80, chat: T.privateChat, from: 42, text: "讲个故事")])
            let first = await api.waitForCall("sendMessage")
            #expect(first.params["text"] == "答", "sent while the rest of the answer is held back")
            streamGate.open()
            let edit = await api.waitForCall("editMessageText")
            #expect(edit.params["text"] == "答复2")
            #expect(edit.params["message_id"] == 900 && edit.params["chat_id"] == 42)
        }
        #expect(upstreams.requests(to: "chat").first?["stream"] == true)
    }
}
