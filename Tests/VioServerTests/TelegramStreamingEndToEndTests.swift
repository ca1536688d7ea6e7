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

    @Test func theLastEditShowsTheModelsMarkdownFormatted() async throws {
        let directory = try TemporaryDirectory()
        let api = FakeBotAPI()
        let upstreams = FakeUpstreams()
        upstreams.answerNext(inPieces: ["**加粗**和", "`代码` <3"])
        try await run(api, upstreams: upstreams, in: directory.url) {
            api.queue([T.message(1, id: 81, chat: T.privateChat, from: 42, text: "格式")])
            let edit = await api.waitForCall("editMessageText") { $0["parse_mode"] == "HTML" }
            #expect(edit.params["text"] == "<b>加粗</b>和<code>代码</code> &lt;3")
            #expect(edit.params["message_id"] == 900)
        }
    }
}
