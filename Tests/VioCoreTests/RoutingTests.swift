import Testing
import VioCore
import VioCoreTesting

@Suite struct RoutingTests {
    let actions = RecordingActions()

    func makeBot() -> Bot {
        var bot = Bot(services: BotServices(logger: SilentLogger(), superusers: [PlatformUser(platform: .console, id: 7)]))
        bot.command("/ping") { context, _ in try await context.reply("pong") }
        bot.command("/lottery", scope: .groupOnly) { context, _ in try await context.reply("lottery") }
        bot.command("/secret", scope: .privateOnly) { context, _ in try await context.reply("secret") }
        bot.command("/r18", scope: .groupOnly, permission: .groupAdmin) { context, arguments in try await context.reply("r18 \(arguments.text)") }
        bot.command("/transfer", permission: .groupOwner) { context, _ in try await context.reply("transferred") }
        bot.command("/restart", permission: .superuser) { context, _ in try await context.reply("restarting") }
        bot.fallback { context in try await context.reply("chat: \(context.message.text)") }
        return bot
    }

    func groupMessage(_ text: String, addressed: Bool = true, role: MemberRole? = .member, sender: ID = 42) -> InboundMessage {
        .test(text: text, chat: .group(500), sender: Sender(id: sender, displayName: "m", role: role), addressed: addressed)
    }

    @Test func privateMessagesAreAlwaysHandled() async {
        await makeBot().handle(.message(.test(text: "/ping")), via: actions)
        await makeBot().handle(.message(.test(text: "how are you")), via: actions)
        #expect(actions.sentTexts == ["pong", "chat: how are you"])
    }

    @Test func groupMessagesNeedToAddressTheBot() async {
        let bot = makeBot()
        await bot.handle(.message(groupMessage("/ping", addressed: false)), via: actions)
        await bot.handle(.message(groupMessage("just chatting", addressed: false)), via: actions)
        #expect(actions.actions.isEmpty)
        await bot.handle(.message(groupMessage("/ping")), via: actions)
        #expect(actions.sentTexts == ["pong"])
    }

    @Test func groupRepliesQuoteTheMessageTheyAnswer() async {
        await makeBot().handle(.message(groupMessage("/ping")), via: actions)
        #expect(actions.actions == [.send(OutgoingMessage([.reply(to: 1), .text("pong")]), to: .group(500))])
    }

    @Test func theBotIgnoresItsOwnMessages() async {
        await makeBot().handle(.message(.test(text: "/ping", sender: Sender(id: 1, displayName: "bot"))), via: actions)
        #expect(actions.actions.isEmpty)
    }

    @Test func scopesAreExplainedNotSilentlyIgnored() async {
        let bot = makeBot()
        await bot.handle(.message(.test(text: "/lottery")), via: actions)
        await bot.handle(.message(groupMessage("/secret")), via: actions)
        await bot.handle(.message(groupMessage("/lottery")), via: actions)
        #expect(actions.sentTexts == [BotTexts().groupOnly, BotTexts().privateOnly, "lottery"])
    }

    @Test func permissionsFollowTheSendersRole() async {
        let bot = makeBot()
        await bot.handle(.message(groupMessage("/r18 on", role: .member)), via: actions)
        await bot.handle(.message(groupMessage("/r18 on", role: .admin)), via: actions)
        await bot.handle(.message(groupMessage("/transfer", role: .admin)), via: actions)
        await bot.handle(.message(groupMessage("/transfer", role: .owner)), via: actions)
        await bot.handle(.message(groupMessage("/restart", role: .owner)), via: actions)
        #expect(actions.sentTexts == [BotTexts().permissionDenied, "r18 on", BotTexts().permissionDenied, "transferred", BotTexts().permissionDenied])
    }

    /// Telegram messages carry no role: the platform is asked, and only when a command needs it.
    @Test func aRoleTheMessageLacksIsLookedUp() async {
        let bot = makeBot()
        actions.remember(MemberInfo(user: 43, group: 500, displayName: "admin", role: .admin))
        actions.remember(MemberInfo(user: 44, group: 500, displayName: "member", role: .member))
        await bot.handle(.message(groupMessage("/r18 on", role: nil, sender: 43)), via: actions)
        await bot.handle(.message(groupMessage("/r18 on", role: nil, sender: 44)), via: actions)
        await bot.handle(.message(groupMessage("/r18 on", role: nil, sender: 45)), via: actions)
        #expect(actions.sentTexts == ["r18 on", BotTexts().permissionDenied, BotTexts().permissionDenied],
                "an admin is let in, a member is not, nor is someone the platform cannot say anything about")
        let lookups = actions.actions.filter { if case .memberInfo = $0 { true } else { false } }
        #expect(lookups == [.memberInfo(user: 43, group: 500), .memberInfo(user: 44, group: 500), .memberInfo(user: 45, group: 500)])

        let noLookups = RecordingActions()
        await bot.handle(.message(groupMessage("/ping", role: nil, sender: 44)), via: noLookups)
        await bot.handle(.message(groupMessage("/r18 on", role: .admin, sender: 44)), via: noLookups)
        #expect(noLookups.sentTexts == ["pong", "r18 on"])
        #expect(!noLookups.actions.contains { if case .memberInfo = $0 { true } else { false } }, "nothing is asked when nothing needs it")
    }

    @Test func superusersMayDoEverything() async {
        let bot = makeBot()
        await bot.handle(.message(groupMessage("/r18 off", sender: 7)), via: actions)
        await bot.handle(.message(.test(text: "/restart", sender: Sender(id: 7, displayName: "root"))), via: actions)
        #expect(actions.sentTexts == ["r18 off", "restarting"])
    }

    @Test func superusersArePerPlatform() async {
        let message = InboundMessage.test(text: "/restart", sender: Sender(id: 7, displayName: "someone"), platform: .telegram)
        await makeBot().handle(.message(message), via: actions)
        #expect(actions.sentTexts == [BotTexts().permissionDenied])
    }

    @Test func noticesReachEveryNoticeHandlerInOrder() async {
        var bot = makeBot()
        bot.onNotice { context in
            if case .memberJoined(let change) = context.notice { try await context.reply("welcome \(mention: change.user)") }
        }
        bot.onNotice { context in
            if case .memberJoined = context.notice { try await context.reply("second") }
        }
        let joined = PlatformNotice.memberJoined(.init(chat: .group(500), user: 9))
        await bot.handle(.notice(joined), via: actions)
        #expect(actions.actions == [
            .send(OutgoingMessage([.text("welcome "), .mention(9)]), to: .group(500)),
            .send("second", to: .group(500)),
        ])
    }
}
