import Testing
import VioCore
import VioCoreTesting

@Suite struct HelpTests {
    func bot() -> Bot {
        var bot = Bot(services: BotServices(logger: SilentLogger()))
        bot.helpCommand("help", aliases: ["/help", "帮助"])
        bot.command("打一枪听听", aliases: ["/gun"], summary: "play a Hunt: Showdown gun sound", usage: "[gun] [distance]") { _, _ in }
        bot.command("禁言抽奖", aliases: ["/lottery"], summary: "try your luck", scope: .groupOnly) { _, _ in }
        bot.register(Command("/debug", summary: "internals", isHidden: true) { _, _ in })
        return bot
    }

    @Test func helpListsEveryVisibleCommandWithItsTriggers() async {
        let actions = RecordingActions()
        await bot().handle(.message(.test(text: "/lottery", chat: .group(1), addressed: true)), via: actions)
        let groupActions = RecordingActions()
        await bot().handle(.message(.test(text: "帮助", chat: .group(1), addressed: true)), via: groupActions)
        #expect(groupActions.sentTexts == ["""
            Commands:
            help /help 帮助 — list the commands
            打一枪听听 /gun [gun] [distance] — play a Hunt: Showdown gun sound
            禁言抽奖 /lottery — try your luck
            """])
    }

    @Test func helpLeavesOutCommandsThatDoNotWorkInTheChat() async {
        let actions = RecordingActions()
        await bot().handle(.message(.test(text: "help")), via: actions)
        let text = actions.sentTexts.first ?? ""
        #expect(text.contains("打一枪听听"))
        #expect(!text.contains("禁言抽奖"), "group-only commands are not offered in private chat")
        #expect(!text.contains("/debug"), "hidden commands stay hidden")
    }

    @Test func helpSeesCommandsRegisteredAfterIt() async {
        var bot = bot()
        bot.command("/late", summary: "added last") { _, _ in }
        let actions = RecordingActions()
        await bot.handle(.message(.test(text: "/help")), via: actions)
        #expect(actions.sentTexts.first?.hasSuffix("/late — added last") == true)
    }
}

@Suite struct HelpScopeNoteTests {
    @Test func scopeNotesListEveryCommandAndMarkTheOnesForOtherChats() async {
        var bot = Bot(services: BotServices(logger: SilentLogger()))
        bot.helpCommand("帮助", aliases: [], summary: "看看会什么", formatter: HelpFormatter(title: "指令：", scopeNotes: ("（仅群聊）", "（仅私聊）")))
        bot.command("禁言抽奖", summary: "试试手气", scope: .groupOnly) { _, _ in }
        bot.command("/secret", summary: "悄悄话", scope: .privateOnly) { _, _ in }
        let actions = RecordingActions()
        await bot.handle(.message(.test(text: "帮助")), via: actions)
        #expect(actions.sentTexts == ["指令：\n帮助 — 看看会什么\n禁言抽奖 — 试试手气 （仅群聊）\n/secret — 悄悄话 （仅私聊）"])
    }
}
