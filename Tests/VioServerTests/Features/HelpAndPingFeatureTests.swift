import Testing
import VioCore
import VioCoreTesting
@testable import VioServerKit

@Suite struct HelpAndPingFeatureTests {
    typealias H = FeatureHarness

    @Test(arguments: ["help", "/help", "帮助"])
    func helpInAGroupListsEveryCommandWithItsTriggers(trigger: String) async throws {
        let harness = H()
        await harness.say(trigger, in: H.group)
        let help = try #require(harness.actions.sentTexts.first)
        #expect(help.hasPrefix("Vio 的指令：\n"))
        for word in ["打一枪听听", "禁言抽奖", "撤回了什么", "来份涩图", "锐评一下", "/chat", "/reset", "重置对话", "来份r18涩图", "/r18", "/ping",
                     "/gun", "/lottery", "/recalled", "/pic", "/roast", "/start", "/me", "/banme", "/admin", "管理员",
                     "/features", "功能列表", "/enable", "开启功能", "/disable", "关闭功能", "/memory", "记忆"] {
            #expect(help.contains(word), "help lacks \(word)")
        }
        #expect(help.contains("打一枪听听 /gun [枪名] [距离] — 听一声 Hunt 的枪声"))
        #expect(help.split(separator: "\n").count == 22)
    }

    @Test func helpInPrivateMarksGroupOnlyCommands() async throws {
        let harness = H()
        await harness.say("帮助")
        let help = try #require(harness.actions.sentTexts.first)
        #expect(help.contains("/chat"))
        #expect(help.contains("禁言抽奖 /lottery — 随机禁言自己 0–10 分钟 （仅群聊）"))
        #expect(help.contains("撤回了什么 /recalled — 看看最近谁撤回了什么 （仅群聊）"))
        let chatLine = help.split(separator: "\n").first { $0.contains("/chat") }
        #expect(chatLine?.contains("（仅") == false, "commands for every chat carry no note")
    }

    @Test func pingSaysPongWithUptimeAndConnectedBots() async {
        let harness = H()
        await harness.say("/ping")
        #expect(harness.actions.sentTexts == ["pong\n已运行 1 小时 1 分 5 秒，在线机器人 2 个：10001、10002"])
    }

    @Test func pingWithoutBotsSaysSo() {
        #expect(FeatureTexts.Ping.status(uptime: .seconds(5), bots: []) == "pong\n已运行 5 秒，没有在线的机器人")
    }

    @Test func installMakesTheRuntimeChineseAndTheConfiguredUsersOneBotSuperusers() {
        let harness = H()
        #expect(harness.bot.texts == FeatureTexts.runtime)
        #expect(harness.bot.services.superusers == [PlatformUser(platform: .onebot, id: 777)])
    }
}
