import Testing
import VioCore
import VioCoreTesting
@testable import VioServerKit

@Suite struct AdminFeatureTests {
    typealias H = FeatureHarness

    /// The group's owner and one administrator, as the platform would answer.
    static func staffed(_ harness: FeatureHarness) {
        harness.actions.remember(MemberInfo(user: 43, group: 5000, displayName: "管理员", role: .admin))
        harness.actions.remember(MemberInfo(user: 10, group: 5000, displayName: "群主大人", role: .owner))
        harness.actions.remember(MemberInfo(user: 42, group: 5000, displayName: "小明", role: .member))
    }

    @Test func aPlainMemberHearsTheListAndIsMutedForAMinute() async {
        let harness = H()
        Self.staffed(harness)
        await harness.say("/admin", in: H.group, messageID: 9)
        #expect(harness.actions.sentTexts.first == "本群管理员：\n群主：群主大人\n管理员：管理员", "the owner comes first")
        #expect(harness.actions.actions.contains(.mute(user: 42, group: 5000, duration: .seconds(AdminFeature.muteSeconds))))
        #expect(harness.actions.sentTexts.last?.contains("1 分") == true)
    }

    @Test func anAdministratorOrASuperuserIsOnlyAnswered() async {
        for sender in [H.admin, Sender(id: 777, displayName: "root", role: .member)] {
            let harness = H()
            Self.staffed(harness)
            await harness.say("管理员", in: H.group, from: sender)
            #expect(harness.actions.sentTexts.count == 1)
            #expect(!harness.actions.actions.contains { if case .mute = $0 { true } else { false } }, "\(sender.displayName)")
        }
    }

    /// Telegram messages carry no role: the platform is asked who the sender is.
    @Test func onTelegramTheSendersStandingIsLookedUp() async {
        let harness = H(platform: .telegram)
        Self.staffed(harness)
        await harness.say("/admin", in: H.group, from: Sender(id: 43, displayName: "管理员"))
        #expect(!harness.actions.actions.contains { if case .mute = $0 { true } else { false } })
        await harness.say("/admin", in: H.group, from: Sender(id: 42, displayName: "小明"))
        #expect(harness.actions.actions.contains(.mute(user: 42, group: 5000, duration: .seconds(60))))
    }

    @Test func itIsForGroupsOnly() async {
        let harness = H()
        await harness.say("/admin")
        #expect(harness.actions.sentTexts == [FeatureTexts.runtime.groupOnly])
    }
}
