import Testing
import VioCore
import VioCoreTesting
@testable import VioServerKit

@Suite struct WelcomeFeatureTests {
    typealias H = FeatureHarness

    @Test func aNewMemberIsWelcomedWithAMention() async {
        let harness = H()
        await harness.notice(.memberJoined(.init(chat: H.group, user: 123)))
        #expect(harness.actions.actions == [.send(OutgoingMessage([.text("欢迎 "), .mention(123), .text(" 加入本群！")]), to: H.group)])
    }

    @Test func aLeavingMemberGetsAFarewell() async {
        let harness = H()
        await harness.notice(.memberLeft(.init(chat: H.group, user: 123, wasRemoved: true)))
        #expect(harness.actions.actions == [.send("123 离开了本群。", to: H.group)])
    }

    @Test func theTextsAreConfigurable() async {
        var configuration = H.configuration()
        configuration.welcomeText = "{user}来啦，{user}！"
        configuration.farewellText = "再见"
        let harness = H(configuration: configuration)
        await harness.notice(.memberJoined(.init(chat: H.group, user: 9)))
        await harness.notice(.memberLeft(.init(chat: H.group, user: 9)))
        #expect(harness.actions.sentMessages == [OutgoingMessage([.mention(9), .text("来啦，"), .mention(9), .text("！")]), "再见"])
    }

    @Test func theBotDoesNotGreetItself() async {
        let harness = H()
        await harness.notice(.memberJoined(.init(chat: H.group, user: 1)))
        await harness.notice(.memberLeft(.init(chat: H.group, user: 1, wasRemoved: true)))
        #expect(harness.actions.actions.isEmpty, "user 1 is the bot's own account")
    }

    @Test func otherNoticesAreLeftAlone() async {
        let harness = H()
        await harness.notice(.memberMuted(.init(chat: H.group, user: 9, operatorID: 43, duration: .seconds(60))))
        await harness.notice(.other(kind: "notice.poke", chat: H.group, raw: nil))
        #expect(harness.actions.actions.isEmpty)
    }
}
