import Foundation
import Testing
import VioCore
import VioCoreTesting
@testable import VioServerKit

/// Long QQ chat answers in several messages (`VIO_QQ_SPLIT_CHARS`), each sent once complete.
@Suite struct SplitAnswerTests {
    typealias H = FeatureHarness

    static func harness(limit: Int, pieces: [String]) throws -> H {
        try H.streaming(pieces) { $0.qqSplitCharacters = limit }
    }

    static let first = String(repeating: "甲", count: 59) + "。"
    static let second = String(repeating: "乙", count: 59) + "。"
    static let third = String(repeating: "丙", count: 29) + "。"

    @Test func aLongAnswerIsCutAtItsParagraphBreaksInOrder() async throws {
        let whole = [Self.first, Self.second, Self.third].joined(separator: "\n\n")
        // Streamed in cuts of 7 characters, as providers cut anywhere.
        let pieces = stride(from: 0, to: whole.count, by: 7).map { String(whole.dropFirst($0).prefix(7)) }
        let harness = try Self.harness(limit: 100, pieces: pieces)
        await harness.say("写三段")
        #expect(harness.actions.sentTexts == [Self.first, Self.second + "\n\n" + Self.third])
        #expect(await harness.storedTurns().map(\.content) == ["写三段", whole], "memory keeps the whole answer once")
    }

    @Test func withoutParagraphsItIsCutAtTheLastSentenceEnd() {
        let text = Self.first + Self.second + "还有一些没说完的话"
        let (head, rest) = SplitAnswer.split(text, limit: 100)
        #expect(head == Self.first)
        #expect(rest == Self.second + "还有一些没说完的话")
        let english = String(repeating: "word ", count: 15) + "ends. " + String(repeating: "more ", count: 30)
        #expect(SplitAnswer.split(english, limit: 100).head == String(repeating: "word ", count: 15) + "ends.")
    }

    @Test func aCutNeverFallsInsideACQCodeOrAGrapheme() {
        let code = "[CQ:face,id=178]"
        let beforeCode = String(repeating: "字", count: 95)
        let (head, rest) = SplitAnswer.split(beforeCode + code + "后面", limit: 100)
        #expect(head == beforeCode)
        #expect(rest == code + "后面")

        let family = "👨‍👩‍👧‍👦"
        let text = String(repeating: "字", count: 99) + family + "尾巴"
        let cut = SplitAnswer.split(text, limit: 100)
        #expect(cut.head.last == Character(family))
        #expect(cut.rest == "尾巴")

        let longCode = "[CQ:image,file=" + String(repeating: "x", count: 120) + "]"
        #expect(SplitAnswer.split(longCode + "文字", limit: 100) == (longCode, "文字"))
    }

    @Test func aShortAnswerStaysOneMessage() async throws {
        let harness = try Self.harness(limit: 600, pieces: ["短", "的", "回答。\n\n第二段。"])
        await harness.say("说两句")
        #expect(harness.actions.sentTexts == ["短的回答。\n\n第二段。"])
    }

    @Test func eachPartIsSentAsSoonAsItIsCompleteWhileTheRestStreams() async throws {
        let actions = RecordingActions(platform: .onebot)
        let context = BotContext(message: .test(text: "x", platform: .onebot), actions: actions, services: BotServices(logger: SilentLogger()))
        let delivery = SplitAnswer(context: context, limit: 100)
        try await delivery.add(Self.first + "\n\n" + String(repeating: "乙", count: 50))
        #expect(actions.sentTexts == [Self.first], "sent before the answer is done")
        try await delivery.add(String(repeating: "乙", count: 9) + "。")
        try await delivery.finish("")
        #expect(actions.sentTexts == [Self.first, Self.second])
    }
}
