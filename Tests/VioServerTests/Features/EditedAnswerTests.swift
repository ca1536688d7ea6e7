import Foundation
import Testing
import VioCore
import VioCoreTesting
@testable import VioServerKit

/// Telegram chat answers grow by edits while the model streams (`VIO_TELEGRAM_EDIT_INTERVAL`).
@Suite struct EditedAnswerTests {
    typealias H = FeatureHarness

    static func harness(interval: Duration, pieces: [String]) throws -> H {
        try H.streaming(pieces, platform: .telegram) { $0.telegramEditInterval = interval }
    }

    @Test func theFirstTextIsSentAtOnceAndEditsGrowToTheWholeAnswer() async throws {
        let harness = try Self.harness(interval: .zero, pieces: ["你", "好", "，世界", "\n"])
        await harness.say("打个招呼")
        #expect(harness.actions.sentTexts == ["你"])
        #expect(harness.actions.editedTexts == ["你好", "你好，世界"], "no edit that changes nothing")
        #expect(try H.body(harness, request: 0)["stream"] == true)
        let key = ConversationKey(platform: .telegram, chat: .private(42), user: 42)
        #expect(await harness.conversations.history(of: key, limit: HistoryLimit(maxTurns: 10)).map(\.content) == ["打个招呼", "你好，世界"])
    }

    @Test func withinTheIntervalOnlyTheLastEditIsMade() async throws {
        let harness = try Self.harness(interval: .seconds(3600), pieces: ["一", "二", "三"])
        await harness.say("数数")
        #expect(harness.actions.sentTexts == ["一"])
        #expect(harness.actions.editedTexts == ["一二三"])
    }

    @Test func anAnswerPastAMessagesLengthGoesOnInANewMessageNeverSplittingAnEmoji() async throws {
        let first = String(repeating: "a", count: 4095)
        let harness = try Self.harness(interval: .seconds(3600), pieces: [first, "😂", String(repeating: "b", count: 10)])
        await harness.say("长一点")
        #expect(harness.actions.sentTexts == [first, "😂" + String(repeating: "b", count: 10)])
        #expect(harness.actions.editedTexts.isEmpty)
        #expect(EditedAnswer.pages(of: first + "😂").map(\.utf16.count) == [4095, 2])
    }

    @Test func onlyTheLastEditFormatsTheModelsMarkdown() async throws {
        let harness = try Self.harness(interval: .zero, pieces: ["**粗", "**体"])
        await harness.say("格式")
        #expect(harness.actions.sentTexts == ["**粗"])
        #expect(harness.actions.editedTexts == ["**粗**体", "**粗**体"], "streamed as written, then once more formatted")
        #expect(harness.actions.markdownEdits == ["**粗**体"])
    }

    @Test func aLastEditThatAlsoBringsNewTextFormatsInOneRequest() async throws {
        let harness = try Self.harness(interval: .seconds(3600), pieces: ["好", "\n- **粗**"])
        await harness.say("格式")
        #expect(harness.actions.editedTexts == ["好\n- **粗**"])
        #expect(harness.actions.markdownEdits == ["好\n- **粗**"])
        #expect(!EditedAnswer.readsDifferentlyFormatted("好\n1. 普通的 snake_case"))
    }

    @Test func otherPlatformsGetTheAnswerWhole() async throws {
        let harness = H(replies: [try H.completion("整段回答")], platform: .console)
        await harness.say("你好")
        #expect(try H.body(harness, request: 0)["stream"] == nil)
        #expect(harness.actions.sentTexts == ["整段回答"])
        #expect(harness.actions.editedTexts.isEmpty)
    }
}
