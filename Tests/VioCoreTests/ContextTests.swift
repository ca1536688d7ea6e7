import Testing
import VioCore
import VioCoreTesting

@Suite struct ContextTests {
    let actions = RecordingActions()

    func context(in chat: Chat) -> BotContext {
        BotContext(message: .test(text: "x", chat: chat, messageID: 77, addressed: true), actions: actions, services: BotServices(logger: SilentLogger()))
    }

    @Test func actionsDefaultToTheCurrentGroup() async throws {
        let context = context(in: .group(500))
        try await context.mute(user: 9, for: .seconds(60))
        try await context.kick(user: 9)
        try await context.recall(message: 77)
        _ = try? await context.memberInfo(user: 9)
        #expect(actions.actions == [
            .mute(user: 9, group: 500, duration: .seconds(60)),
            .kick(user: 9, group: 500),
            .recall(message: 77, chat: .group(500)),
            .memberInfo(user: 9, group: 500),
        ])
    }

    @Test func groupActionsInAPrivateChatSayWhy() async {
        await #expect(throws: VioError.needsGroupChat(.mute)) {
            try await context(in: .private(42)).mute(user: 9, for: .seconds(1))
        }
    }

    @Test func privateRepliesDoNotQuote() async throws {
        try await context(in: .private(42)).reply("hi")
        #expect(actions.actions == [.send("hi", to: .private(42))])
    }

    @Test func aPlatformThatCannotDoSomethingSaysSo() async {
        struct TextOnly: ChatActions {
            let platform = Platform.http
            func send(_ message: OutgoingMessage, to chat: Chat) async throws -> ID? { nil }
        }
        let context = BotContext(message: .test(text: "x", chat: .group(1)), actions: TextOnly(), services: BotServices(logger: SilentLogger()))
        await #expect(throws: VioError.unsupported(.mute, .http)) { try await context.mute(user: 2, for: .seconds(5)) }
        await #expect(throws: VioError.unsupported(.fetchMessage, .http)) { _ = try await context.fetchMessage(id: 3) }
        await #expect(throws: VioError.unsupported(.call, .http)) { _ = try await context.call("get_status") }
        #expect(VioError.unsupported(.mute, .http).description == "http cannot mute members")
    }
}

@Suite struct HandlerFailureTests {
    struct NoPictures: UserFacingError {
        var userMessage: String { "No picture for those tags." }
    }

    struct Upstream: Error {}

    func bot(throwing error: any Error) -> Bot {
        var bot = Bot(services: BotServices(logger: SilentLogger()))
        bot.fallback { _ in throw error }
        return bot
    }

    @Test func userFacingErrorsAreShownAsTheyAre() async {
        let actions = RecordingActions()
        await bot(throwing: NoPictures()).handle(.message(.test(text: "x")), via: actions)
        #expect(actions.sentTexts == ["No picture for those tags."])
    }

    @Test func otherErrorsGetTheGenericApologyAndTheLogGetsTheDetail() async {
        let actions = RecordingActions()
        let log = CollectingLogger()
        var bot = bot(throwing: Upstream())
        bot.services.logger = log
        await bot.handle(.message(.test(text: "tell me")), via: actions)
        #expect(actions.sentTexts == [BotTexts().handlerFailed])
        #expect(log.lines.contains { $0.level == .error && $0.metadata["error"] == "Upstream()" && $0.metadata["text"] == "tell me" })
    }

    @Test func aFailingReplyIsLoggedNotThrown() async {
        let actions = RecordingActions()
        actions.fail(.send, with: VioError.notConnected(.onebot))
        let log = CollectingLogger()
        var bot = bot(throwing: Upstream())
        bot.services.logger = log
        await bot.handle(.message(.test(text: "x")), via: actions)
        #expect(log.lines.map(\.level) == [.error, .warning])
    }
}
