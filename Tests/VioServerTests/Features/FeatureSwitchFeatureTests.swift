import Foundation
import Testing
import VioCore
import VioCoreTesting
@testable import VioServerKit

/// The Vio bot's features behind per-chat switches, with every feature installed.
@Suite struct FeatureSwitchFeatureTests {
    typealias H = FeatureHarness

    @Test func everyVioFeatureHasItsIdAndHelpCannotBeSwitched() {
        let harness = H()
        #expect(harness.bot.features.map(\.id) == ["help", "features", "chat", "roast", "picture", "gun", "lottery", "admin", "recall", "welcome", "ping"])
        #expect(harness.bot.features.filter { !$0.isSwitchable }.map(\.id) == ["help", "features"])
        let owners = Set(harness.bot.registry.commands.map { "\($0.name)=\($0.featureID ?? "-")" })
        for pair in ["来份涩图=picture", "来份r18涩图=picture", "/r18=picture", "/chat=chat", "/reset=chat", "打一枪听听=gun", "/start=help", "/ping=ping"] {
            #expect(owners.contains(pair), "\(pair)")
        }
    }

    @Test func aPictureSwitchedOffInAGroupAsksTheAPINothing() async throws {
        let harness = H(replies: [H.json(200, #"{"error":"","data":[]}"#)])
        await harness.say("/disable 来份涩图", in: H.group, from: H.admin)
        await harness.say("来份涩图 风景", in: H.group)
        await harness.say("来份r18涩图", in: H.group)
        #expect(harness.transport.requests.isEmpty)
        #expect(harness.actions.sentTexts == [
            "好的，「涩图」在这里关闭了，发送 /enable picture 可以再开启。",
            "「涩图」在本群已关闭，群管理员可以发送 /enable picture 开启。",
            "「涩图」在本群已关闭，群管理员可以发送 /enable picture 开启。",
        ])
        await harness.say("来份涩图", in: .group(5001))
        #expect(harness.transport.requests.count == 1, "another group still asks")
    }

    @Test func chatSwitchedOffNeverCallsTheModel() async throws {
        let harness = H()
        await harness.say("/disable chat")
        await harness.say("你好")
        await harness.say("/chat 你好")
        #expect(harness.transport.requests.isEmpty)
        #expect(harness.actions.sentTexts.dropFirst() == ["「聊天」在这里已关闭，发送 /enable chat 就能开启。", "「聊天」在这里已关闭，发送 /enable chat 就能开启。"])
    }

    @Test func welcomeSwitchedOffGreetsNoOneThere() async throws {
        let harness = H()
        await harness.say("关闭功能 welcome", in: H.group, from: H.admin)
        await harness.notice(.memberJoined(.init(chat: H.group, user: 99)))
        await harness.notice(.memberLeft(.init(chat: H.group, user: 98)))
        #expect(harness.actions.sentTexts.count == 1, "only the switch's own reply")
        await harness.notice(.memberJoined(.init(chat: .group(5001), user: 99)))
        #expect(harness.actions.sentTexts.count == 2, "another group still greets")
    }

    @Test func disabledFeaturesAreOffEverywhereUntilAChatEnablesThem() async throws {
        var configuration = H.configuration()
        configuration.disabledFeatures = ["lottery", "nosuch"]
        let harness = H(configuration: configuration)
        await harness.say("禁言抽奖", in: H.group)
        await harness.say("开启功能 禁言抽奖", in: H.group, from: H.admin)
        await harness.say("禁言抽奖", in: H.group)
        await harness.say("禁言抽奖", in: .group(5001))
        let texts = harness.actions.sentTexts
        #expect(texts.first == "「禁言抽奖」在本群已关闭，群管理员可以发送 /enable lottery 开启。")
        #expect(texts.last == texts.first, "other groups keep the default")
        #expect(harness.logger.text.contains("unknown=nosuch"), "an id Vio does not have is named in the log")
    }

    @Test func theSettingListsIdsInAnyCaseAndSeparator() throws {
        let configuration = try ServerConfiguration(environment: ["VIO_DISABLED_FEATURES": "Picture, lottery，gun"])
        #expect(configuration.disabledFeatures == ["picture", "lottery", "gun"])
    }

    @Test func helpMarksTheCommandsOfAnOffFeature() async throws {
        let harness = H()
        await harness.say("/disable gun", in: H.group, from: H.admin)
        await harness.say("help", in: H.group)
        let help = try #require(harness.actions.sentTexts.last)
        #expect(help.contains("打一枪听听 /gun [枪名] [距离] — 听一声 Hunt 的枪声 （这里已关闭）"))
        #expect(!help.contains("来份涩图 /pic [标签] — 来一张图，可以带标签 （这里已关闭）"))
    }
}
