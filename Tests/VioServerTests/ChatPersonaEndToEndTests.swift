import Foundation
import OpenAIClient
import Testing
import VioCore
@testable import VioServerKit
import VioServerTesting

/// `/persona` with a prompts file and `/model`, through the scripted OneBot peer, on the real server and SQLite.
extension VioBotEndToEndTests {
    private static let interviewer = "我想让你担任面试官。我将成为候选人，你将问我面试问题。"

    /// Settings with a prompts file holding the interviewer act, and two models.
    private static func personaSettings(in directory: borrowing TemporaryDirectory) throws -> @Sendable (inout ServerConfiguration) -> Void {
        let file = directory.url.appendingPathComponent("prompts.json")
        try Data(#"[{"act": "充当面试官", "prompt": "\#(interviewer)"}, {"act": "缺提示"}]"#.utf8).write(to: file)
        let presets = try ServerConfiguration.promptFile(at: file.path).presets
        return { configuration in
            configuration.prompts.add(contentsOf: presets)
            configuration.models = ["fake", "deepseek-chat"]
        }
    }

    @Test func aGroupsPersonaFromThePromptsFileAndItsModelHoldForEveryRequestThereAndAfterARestart() async throws {
        let directory = try TemporaryDirectory()
        let upstreams = FakeUpstreams()
        let settings = try Self.personaSettings(in: directory)
        try await run(upstreams, in: directory.url, configure: settings) { peer in
            try await peer.send(OneBotFrames.groupMessage("/persona 充当面试官", role: "admin", atBot: true, selfID: Self.selfID, messageID: 1))
            #expect(try await peer.answerNext("send_msg").messageText == "好的，这里的人格换成了「充当面试官」。之前的对话不再带上，从现在开始新的对话。")
            try await peer.send(OneBotFrames.groupMessage("模型 deepseek-chat", role: "owner", atBot: true, selfID: Self.selfID, messageID: 2))
            #expect(try await peer.answerNext("send_msg").messageText == "好的，这里换成了模型 deepseek-chat。")
            try await peer.send(OneBotFrames.groupMessage("你好", atBot: true, selfID: Self.selfID, messageID: 3))
            try await peer.answerNext("send_msg")
            try await peer.send(OneBotFrames.groupMessage("你好", group: 20003, atBot: true, selfID: Self.selfID, messageID: 4))
            try await peer.answerNext("send_msg")
        }
        try await run(upstreams, in: directory.url, configure: settings) { peer in
            try await peer.send(OneBotFrames.groupMessage("继续", atBot: true, selfID: Self.selfID, messageID: 5))
            try await peer.answerNext("send_msg")
        }
        let requests = upstreams.requests(to: "chat")
        let systems = requests.map { $0["messages"]?.arrayValue?.first?["content"]?.stringValue }
        #expect(systems == [Self.interviewer, PromptPreset.vio.systemPrompt, Self.interviewer], "exactly the file's prompt, in that group only")
        #expect(requests.map { $0["model"]?.stringValue } == ["deepseek-chat", "fake", "deepseek-chat"])
        #expect(requests.last?["messages"]?.arrayValue?.count == 4, "the conversation under the new persona continued after the restart")
    }

    @Test func aMemberIsToldTheListAndCannotSwitchTheGroupsPersona() async throws {
        let directory = try TemporaryDirectory()
        let upstreams = FakeUpstreams()
        try await run(upstreams, in: directory.url, configure: try Self.personaSettings(in: directory)) { peer in
            try await peer.send(OneBotFrames.groupMessage("人格", atBot: true, selfID: Self.selfID, messageID: 1))
            #expect(try await peer.answerNext("send_msg").messageText.contains("、充当面试官\n"))
            try await peer.send(OneBotFrames.groupMessage("人格 充当面试官", role: "member", atBot: true, selfID: Self.selfID, messageID: 2))
            #expect(try await peer.answerNext("send_msg").messageText == "群里只有管理员可以换人格和模型。")
            try await peer.send(OneBotFrames.groupMessage("你好", atBot: true, selfID: Self.selfID, messageID: 3))
            try await peer.answerNext("send_msg")
        }
        #expect(upstreams.requests(to: "chat").first?["messages"]?.arrayValue?.first?["content"]?.stringValue == PromptPreset.vio.systemPrompt)
    }
}
