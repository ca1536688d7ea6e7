import Testing
import VioCore
import VioCoreTesting
@testable import VioServerKit

@Suite struct MuteLotteryFeatureTests {
    typealias H = FeatureHarness

    @Test func theSenderIsMutedForTheDrawnSecondsAndToldSo() async {
        let harness = H(random: 125)
        await harness.say("禁言抽奖", in: H.group, messageID: 7)

        #expect(harness.random.ranges == [0...600])
        #expect(harness.actions.actions == [
            .mute(user: 42, group: 5000, duration: .seconds(125)),
            .send(OutgoingMessage([.reply(to: 7), .mention(42), .text(" 恭喜获得 2 分 5 秒 禁言～")]), to: H.group),
        ])
    }

    @Test func banMeMutesForThirtyToAHundredTwentySecondsNeverLess() async {
        let harness = H(random: 5)   // a draw below the range is raised to its start
        await harness.say("/banme", in: H.group, messageID: 8)
        #expect(harness.random.ranges == [30...120])
        #expect(harness.actions.actions == [
            .mute(user: 42, group: 5000, duration: .seconds(30)),
            .send(OutgoingMessage([.reply(to: 8), .mention(42), .text(" 恭喜获得 30 秒 禁言～")]), to: H.group),
        ])
    }

    @Test func zeroIsLuckyAndMutesNoOne() async {
        let harness = H(random: 0)
        await harness.say("/lottery", in: H.group)
        #expect(harness.actions.sentTexts == [FeatureTexts.Lottery.lucky])
        #expect(!harness.actions.actions.contains { if case .mute = $0 { true } else { false } })
    }

    @Test func withoutAdminRightsTheBotSaysSoKindly() async {
        let harness = H(random: 600)
        harness.actions.fail(.mute, with: VioError.unsupported(.mute, .onebot))
        await harness.say("禁言抽奖", in: H.group)
        #expect(harness.actions.sentTexts == [FeatureTexts.Lottery.muteFailed])
        #expect(harness.logger.text.contains("is the bot a group admin?"))
    }

    @Test func theLotteryIsForGroupsOnly() async {
        let harness = H(random: 300)
        await harness.say("禁言抽奖")
        #expect(harness.actions.sentTexts == [FeatureTexts.runtime.groupOnly])
        #expect(harness.random.ranges.isEmpty)
    }

    @Test func durationsReadNaturally() {
        #expect(FeatureTexts.duration(seconds: 0) == "0 秒")
        #expect(FeatureTexts.duration(seconds: 600) == "10 分")
        #expect(FeatureTexts.duration(seconds: 90_061) == "1 天 1 小时 1 分 1 秒")
    }
}
