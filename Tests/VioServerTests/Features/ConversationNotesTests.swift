import Foundation
import OpenAIClient
import Testing
import VioCore
import VioCoreTesting
@testable import VioServerKit

/// Memory that summarises (`VIO_MEMORY_SUMMARY`, `VIO_SUMMARY_EVERY`): the turns that fall out are
/// folded into a note that goes with later requests, `/memory` shows and `/reset` forgets.
@Suite struct ConversationNotesTests {
    typealias H = FeatureHarness
    static let key = ConversationKey(platform: .onebot, chat: .private(42), user: 42)

    /// `count` stored turns, `第1句` … `第<count>句`, a minute apart.
    static func longConversation(in harness: H, count: Int = 30) async {
        let turns = (1...count).map { ConversationTurn(role: $0 % 2 == 1 ? .user : .assistant, content: "第\($0)句", date: H.start.addingTimeInterval(Double($0) * 60)) }
        await harness.conversations.append(turns, to: key)
    }

    static func messages(_ harness: H, request index: Int) throws -> [JSONValue] {
        try H.body(harness, request: index)["messages"]?.arrayValue ?? []
    }

    @Test func theTurnsThatFellOutAreFoldedIntoANoteSentAsASecondSystemMessage() async throws {
        let harness = H(replies: [try H.completion("小明喜欢猫，在学 Swift。"), try H.completion("好"), try H.completion("还好")])
        await Self.longConversation(in: harness)
        await harness.say("继续")

        let asked = try Self.messages(harness, request: 0)
        #expect(asked.first?["content"] == .string(FeatureTexts.Memory.summaryInstruction))
        let folded = asked.last?["content"]?.stringValue ?? ""
        #expect(folded.hasPrefix("对话：\n用户：第1句\n助手：第2句"))
        #expect(folded.hasSuffix("助手：第10句"), "the ten turns that no longer fit")

        let answered = try Self.messages(harness, request: 1)
        #expect(answered[1] == ["role": "system", "content": .string(FeatureTexts.Memory.systemMessage("小明喜欢猫，在学 Swift。"))])
        #expect(answered[2]["content"] == "第11句")
        #expect(answered.count == 23, "prompt, note, twenty turns, the new message")
        #expect(harness.actions.sentTexts == ["好"])

        await harness.say("再说说")
        #expect(harness.transport.requests.count == 3, "two more turns fell out: not yet ten, no new note")
        #expect(try Self.messages(harness, request: 2)[1]["content"] == .string(FeatureTexts.Memory.systemMessage("小明喜欢猫，在学 Swift。")))
    }

    @Test func aLaterNoteFoldsInTheEarlierOneAndOnlyTheTurnsItDidNotCover() async throws {
        let harness = H(replies: [try H.completion("旧笔记"), try H.completion("好")])
        let notes = ConversationNotes(records: harness.records, every: 10, logger: harness.logger)
        try await notes.save(ConversationNote(text: "旧笔记", coveredUntil: H.start.addingTimeInterval(4 * 60)), for: Self.key)
        // Fourteen turns fall out; the note covers four of them.
        await Self.longConversation(in: harness, count: 34)
        await harness.say("继续")
        let folded = try Self.messages(harness, request: 0).last?["content"]?.stringValue ?? ""
        #expect(folded.hasPrefix("之前的笔记：旧笔记\n\n对话：\n用户：第5句"))
        #expect(folded.hasSuffix("助手：第14句"))
        #expect(!folded.contains("第4句"))
    }

    @Test func memoryShowsTheNoteAndResetForgetsIt() async throws {
        let harness = H(replies: [try H.completion("记下的要点"), try H.completion("好")])
        await harness.say("/memory")
        await Self.longConversation(in: harness)
        await harness.say("继续")
        await harness.say("记忆")
        await harness.say("/reset")
        await harness.say("/memory")
        #expect(harness.actions.sentTexts == [
            FeatureTexts.Memory.empty, "好", FeatureTexts.Memory.shown("记下的要点"), FeatureTexts.Chat.reset, FeatureTexts.Memory.empty,
        ])
    }

    @Test func aNoteThatCantBeWrittenLeavesTheAnswerAlone() async throws {
        let harness = H(replies: [FeatureHarness.json(503, "busy"), try H.completion("好")])
        await Self.longConversation(in: harness)
        await harness.say("继续")
        #expect(harness.actions.sentTexts == ["好"])
        #expect(try Self.messages(harness, request: 1).count == 22, "no note: prompt, twenty turns, the new message")
        #expect(harness.logger.text.contains("the conversation's note could not be written"))
    }

    @Test func withSummariesOffNothingIsFoldedAndMemorySaysSo() async throws {
        var configuration = H.configuration()
        configuration.memorySummary = false
        let harness = H(configuration: configuration, replies: [try H.completion("好")])
        await Self.longConversation(in: harness)
        await harness.say("继续")
        await harness.say("/memory")
        #expect(harness.transport.requests.count == 1)
        #expect(harness.actions.sentTexts == ["好", FeatureTexts.Memory.off])
    }
}
