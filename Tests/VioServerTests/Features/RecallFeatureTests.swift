import Foundation
import Testing
import VioCore
import VioCoreTesting
@testable import VioServerKit

@Suite struct RecallFeatureTests {
    typealias H = FeatureHarness

    private static func recall(_ message: ID, sender: ID = 42, by recaller: ID = 42, in chat: Chat = H.group, at date: Date = H.start) -> PlatformNotice {
        .messageRecalled(.init(chat: chat, messageID: message, sender: sender, operatorID: recaller, date: date))
    }

    @Test func aLoggedMessageThatIsRecalledIsShownWithTimeSenderRecallerAndContent() async {
        let harness = H()
        await harness.say("我的密码是 1234", in: H.group, messageID: 300, parts: [.text("我的密码是 1234"), .image(url: nil)], addressed: false)
        await harness.notice(Self.recall(300))
        await harness.say("撤回了什么", in: H.group, from: H.admin, messageID: 301)

        #expect(harness.actions.sentTexts == ["""
            最近撤回的消息：
            时间：2024-05-01 20:30:05
            发送者：小明（42）
            撤回者：本人
            内容：我的密码是 1234[图片]
            """])
        #expect(!harness.actions.actions.contains { if case .fetchMessage = $0 { true } else { false } })
    }

    @Test(arguments: [false, true])
    func aMessageNotInTheLogOrWhoseEntryCannotBeReadIsFetchedFromThePlatform(unreadableEntry: Bool) async {
        let harness = H()
        if unreadableEntry {
            await harness.records.setData(
                Data("not an entry".utf8), for: RecallLog.key(400, in: H.group, on: .onebot), in: RecallLog.namespace, expiresAfter: nil)
        }
        harness.actions.remember(InboundMessage(
            platform: .onebot, botID: 1, chat: H.group, sender: Sender(id: 50, displayName: "小红"), messageID: 400,
            text: "早上好", isAddressedToBot: false))
        await harness.notice(Self.recall(400, sender: 50, by: 43))
        await harness.say("/recalled", in: H.group)

        #expect(harness.actions.actions.first == .fetchMessage(id: 400, chat: H.group))
        #expect(harness.actions.sentTexts.last?.hasSuffix("发送者：小红（50）\n撤回者：43\n内容：早上好") == true)
    }

    @Test func contentThatCannotBeFoundIsSaidToBeUnknown() async {
        let harness = H()
        await harness.notice(Self.recall(500, sender: 50))
        await harness.say("撤回了什么", in: H.group)
        #expect(harness.actions.sentTexts.last?.hasSuffix("发送者：50\n撤回者：42\n内容：\(FeatureTexts.Recall.contentUnknown)") == true)
    }

    @Test func theLatestRecallOfThisGroupIsShown() async {
        let harness = H()
        await harness.say("第一条", in: H.group, messageID: 10, addressed: false)
        await harness.say("第二条", in: H.group, messageID: 11, addressed: false)
        await harness.say("别的群", in: .group(6000), messageID: 12, addressed: false)
        await harness.notice(Self.recall(11, at: H.start.addingTimeInterval(60)))
        await harness.notice(Self.recall(10, at: H.start.addingTimeInterval(30)))
        await harness.notice(Self.recall(12, in: .group(6000), at: H.start.addingTimeInterval(90)))
        await harness.say("撤回了什么", in: H.group)

        #expect(harness.actions.sentTexts.last?.hasSuffix("内容：第二条") == true)
        #expect(harness.actions.sentTexts.last?.contains("时间：2024-05-01 20:31:05") == true)
    }

    @Test func nothingRecalledIsSaid() async {
        let harness = H()
        await harness.notice(Self.recall(1, in: .private(42)))
        await harness.say("撤回了什么", in: H.group)
        #expect(harness.actions.sentTexts == [FeatureTexts.Recall.nothingRecalled])
    }

    @Test func logAndRecordsExpireAfterSeventyTwoHours() async {
        let harness = H()
        await harness.say("旧消息", in: H.group, messageID: 20, addressed: false)
        harness.clock.advance(by: .seconds(72 * 3600 + 1))
        await harness.notice(Self.recall(20))
        await harness.say("撤回了什么", in: H.group)
        #expect(harness.actions.sentTexts.last?.hasSuffix(FeatureTexts.Recall.contentUnknown) == true)

        harness.clock.advance(by: .seconds(72 * 3600 + 1))
        await harness.say("撤回了什么", in: H.group)
        #expect(harness.actions.sentTexts.last == FeatureTexts.Recall.nothingRecalled)
    }

    @Test func onTelegramTheViewerSaysItIsNotAvailable() async {
        let harness = H(platform: .telegram)
        await harness.say("撤回了什么", in: H.group)
        #expect(harness.actions.sentTexts == [FeatureTexts.Recall.unavailableOnTelegram])
    }

    @Test func theRecallViewerIsForGroupsOnly() async {
        let harness = H()
        await harness.say("撤回了什么")
        #expect(harness.actions.sentTexts == [FeatureTexts.runtime.groupOnly])
    }
}
