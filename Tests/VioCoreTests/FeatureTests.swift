import Foundation
import Synchronization
import Testing
@testable import VioCore
import VioCoreTesting

/// A feature with a command, middleware and a notice handler, each counting what it saw.
private struct Greeter: Feature {
    let id = "greeter"
    let name = "Greeter"
    let summary = "says hello"
    var isOnByDefault = true
    let seen: Seen

    func install(on bot: inout Bot) {
        bot.command("/hello", aliases: ["打招呼"]) { context, _ in try await context.reply("hello") }
        bot.use(ClosureMiddleware { context, next in
            seen.add("middleware")
            try await next(context)
        })
        bot.onNotice { _ in seen.add("notice") }
    }
}

private struct Chatter: Feature {
    let id = "chat"
    let name = "Chat"
    let summary = "talks"

    func install(on bot: inout Bot) {
        bot.fallback { context in try await context.reply("chat: \(context.message.text)") }
    }
}

private struct AlwaysOn: Feature {
    let id = "help"
    let name = "Help"
    let summary = "lists commands"
    var isSwitchable: Bool { false }

    func install(on bot: inout Bot) {
        bot.helpCommand()
    }
}

final class Seen: Sendable {
    private let names = Mutex<[String]>([])
    var all: [String] { names.withLock { $0 } }
    func add(_ name: String) { names.withLock { $0.append(name) } }
}

/// A clock for freshness that moves only when told.
private final class TestInstant: Sendable {
    private let start = ContinuousClock.now
    private let offset = Mutex(Duration.zero)

    var now: @Sendable () -> ContinuousClock.Instant {
        { self.start.advanced(by: self.offset.withLock { $0 }) }
    }

    func advance(by duration: Duration) {
        offset.withLock { $0 += duration }
    }
}

/// A store that counts how often it lists keys and namespaces, over another.
private final class CountingStore: KeyValueStore {
    let base: any KeyValueStore
    private let count = Mutex((keys: 0, namespaces: 0))

    init(_ base: any KeyValueStore) {
        self.base = base
    }

    var keyListings: Int { count.withLock { $0.keys } }
    var namespaceListings: Int { count.withLock { $0.namespaces } }

    func data(for key: String, in namespace: String) async throws -> Data? { try await base.data(for: key, in: namespace) }
    func setData(_ data: Data, for key: String, in namespace: String, expiresAfter: Duration?) async throws {
        try await base.setData(data, for: key, in: namespace, expiresAfter: expiresAfter)
    }
    func removeValue(for key: String, in namespace: String) async throws { try await base.removeValue(for: key, in: namespace) }
    func keys(in namespace: String) async throws -> [String] {
        count.withLock { $0.keys += 1 }
        return try await base.keys(in: namespace)
    }
    func namespaces(startingWith prefix: String) async throws -> [String] {
        count.withLock { $0.namespaces += 1 }
        return try await base.namespaces(startingWith: prefix)
    }
}

/// A store that cannot answer, as a database that is down.
private struct DownStore: KeyValueStore {
    struct Down: Error {}
    func data(for key: String, in namespace: String) async throws -> Data? { throw Down() }
    func setData(_ data: Data, for key: String, in namespace: String, expiresAfter: Duration?) async throws { throw Down() }
    func removeValue(for key: String, in namespace: String) async throws { throw Down() }
    func keys(in namespace: String) async throws -> [String] { throw Down() }
    func namespaces(startingWith prefix: String) async throws -> [String] { throw Down() }
}

@Suite struct FeatureTests {
    let actions = RecordingActions()
    let seen = Seen()
    let storage = InMemoryKeyValueStore()
    static let group = Chat.group(500)
    static let otherGroup = Chat.group(501)

    func makeBot(greeterOnByDefault: Bool = true, offByDefault: Set<String> = [], storage: (any KeyValueStore)? = nil) -> Bot {
        var bot = Bot(services: BotServices(storage: storage ?? self.storage, logger: SilentLogger(), superusers: [PlatformUser(platform: .console, id: 7)]))
        bot.install(AlwaysOn())
        bot.install(FeatureSwitchboard())
        bot.install(Greeter(isOnByDefault: greeterOnByDefault, seen: seen))
        bot.install(Chatter())
        bot.command("/ping") { context, _ in try await context.reply("pong") }
        bot.featuresOffByDefault = offByDefault
        return bot
    }

    func say(_ text: String, in chat: Chat = group, role: MemberRole? = .member, sender: ID = 42, addressed: Bool = true, to bot: Bot) async {
        await bot.handle(.message(.test(text: text, chat: chat, sender: Sender(id: sender, displayName: "m", role: role), addressed: addressed)), via: actions)
    }

    @Test func everythingAFeatureAddsBelongsToIt() {
        let bot = makeBot()
        #expect(bot.features.map(\.id) == ["help", "features", "greeter", "chat"])
        let owners = Dictionary(bot.registry.commands.map { ($0.name, $0.featureID) }, uniquingKeysWith: { first, _ in first })
        #expect(owners["/hello"] == "greeter")
        #expect(owners["/enable"] == "features")
        #expect(owners["/ping"] == .some(nil), "a command added outside any feature belongs to none")
    }

    @Test func aFeatureSwitchedOffAnswersOneLineAndRunsNothingElse() async throws {
        let bot = makeBot()
        try await FeatureSwitches(storage: storage).set("greeter", isOn: false, in: Self.group, on: .console)
        try await FeatureSwitches(storage: storage).set("chat", isOn: false, in: Self.group, on: .console)
        await say("/hello", to: bot)
        await say("打招呼", to: bot)
        await say("how are you", to: bot)
        await say("/ping", to: bot)
        await bot.handle(.notice(.memberJoined(.init(chat: Self.group, user: 9))), via: actions)
        let greeterOff = BotTexts().featureOff(FeatureInfo(id: "greeter", name: "Greeter", summary: ""), in: Self.group)
        #expect(greeterOff == "Greeter is off in this group; a group admin can turn it on with /enable greeter.")
        #expect(actions.sentTexts == [greeterOff, greeterOff, "Chat is off in this group; a group admin can turn it on with /enable chat.", "pong"],
                "no fallback runs in place of a switched-off command")
        #expect(seen.all.isEmpty, "its middleware and notice handler did not run")
    }

    @Test func otherChatsAreNotAffected() async throws {
        let bot = makeBot()
        try await FeatureSwitches(storage: storage).set("greeter", isOn: false, in: Self.group, on: .console)
        await say("/hello", in: Self.otherGroup, to: bot)
        await say("/hello", in: .private(500), to: bot)
        await bot.handle(.notice(.memberJoined(.init(chat: Self.otherGroup, user: 9))), via: actions)
        #expect(actions.sentTexts == ["hello", "hello"])
        #expect(seen.all == ["middleware", "middleware", "notice"])
    }

    @Test func middlewareOfAnOffFeatureStillLetsTheMessageOn() async throws {
        let bot = makeBot()
        try await FeatureSwitches(storage: storage).set("greeter", isOn: false, in: Self.group, on: .console)
        await say("just chatting", addressed: false, to: bot)
        await say("/ping", to: bot)
        #expect(seen.all.isEmpty)
        #expect(actions.sentTexts == ["pong"])
    }

    @Test func defaultsComeFromTheFeatureAndTheBotAndAChatOverridesThem() async throws {
        let offByFeature = makeBot(greeterOnByDefault: false)
        await say("/hello", to: offByFeature)
        let offByBot = makeBot(offByDefault: ["greeter"])
        await say("/hello", to: offByBot)
        try await offByBot.services.featureSwitches.set("greeter", isOn: true, in: Self.group, on: .console)
        await say("/hello", to: offByBot)
        await say("/hello", in: Self.otherGroup, to: offByBot)
        #expect(actions.sentTexts.map { $0.hasPrefix("Greeter is off") ? "off" : $0 } == ["off", "off", "hello", "off"])
    }

    @Test func aChatsSwitchesAreReadOnceWhileFreshAndASwitchMadeHereHoldsAtOnce() async throws {
        let clock = TestInstant()
        let reads = CountingStore(storage)
        let switches = FeatureSwitches(storage: reads, freshFor: .seconds(5), now: clock.now)
        #expect(try await switches.switches(in: Self.group, on: .console).isEmpty)
        #expect(try await switches.switches(in: Self.otherGroup, on: .console).isEmpty)
        #expect(try await switches.switches(in: Self.group, on: .console).isEmpty)
        #expect(reads.namespaceListings == 1 && reads.keyListings == 0, "one listing of the chats that switched, for every chat")

        try await switches.set("greeter", isOn: false, in: Self.group, on: .console)
        #expect(try await switches.switches(in: Self.group, on: .console) == ["greeter": false], "a switch made here holds at once")

        #expect(try await switches.switches(in: Self.group, on: .console) == ["greeter": false])
        #expect(reads.keyListings == 1, "read once, then from memory")

        // Another instance on the same database switches it back, and another chat's: seen here once
        // what was read is 5 s old.
        try await FeatureSwitches(storage: storage).set("greeter", isOn: true, in: Self.group, on: .console)
        try await FeatureSwitches(storage: storage).set("greeter", isOn: false, in: Self.otherGroup, on: .console)
        #expect(try await switches.switches(in: Self.group, on: .console) == ["greeter": false])
        #expect(try await switches.switches(in: Self.otherGroup, on: .console).isEmpty)
        clock.advance(by: .seconds(5))
        #expect(try await switches.switches(in: Self.group, on: .console) == ["greeter": true])
        #expect(try await switches.switches(in: Self.otherGroup, on: .console) == ["greeter": false])
    }

    @Test func aGroupAdminSwitchesAFeatureByIdOrByAnyTriggerWordOfIt() async throws {
        let bot = makeBot()
        await say("/disable 打招呼", role: .admin, to: bot)
        #expect(try await FeatureSwitches(storage: storage).switches(in: Self.group, on: .console) == ["greeter": false])
        await say("/hello", to: bot)
        await say("/enable GREETER", role: .owner, to: bot)
        await say("/hello", to: bot)
        #expect(actions.sentTexts == [
            "Greeter is off in this chat now; /enable greeter turns it back on.",
            "Greeter is off in this group; a group admin can turn it on with /enable greeter.",
            "Greeter is on in this chat now.", "hello",
        ])
    }

    @Test func aPlainMemberCannotSwitchAGroupButASuperuserCan() async throws {
        let bot = makeBot()
        await say("/disable greeter", role: .member, to: bot)
        #expect(try await FeatureSwitches(storage: storage).switches(in: Self.group, on: .console).isEmpty)
        await say("/disable greeter", role: .member, sender: 7, to: bot)
        #expect(try await FeatureSwitches(storage: storage).switches(in: Self.group, on: .console) == ["greeter": false])
        #expect(actions.sentTexts.first == BotTexts().permissionDenied)
    }

    @Test func inAPrivateChatTheUserSwitchesThatChat() async throws {
        let bot = makeBot()
        await say("/disable greeter", in: .private(42), role: nil, to: bot)
        await say("/hello", in: .private(42), role: nil, to: bot)
        await say("/hello", in: Self.group, to: bot)
        #expect(actions.sentTexts == [
            "Greeter is off in this chat now; /enable greeter turns it back on.",
            "Greeter is off in this chat; turn it on with /enable greeter.", "hello",
        ])
    }

    @Test func helpAndTheSwitchboardCannotBeSwitchedOff() async throws {
        let bot = makeBot()
        await say("/disable help", role: .admin, to: bot)
        await say("/disable /enable", role: .admin, to: bot)
        await say("/disable nothing-such", role: .admin, to: bot)
        #expect(actions.sentTexts == [
            "Help cannot be switched off.", "Feature switches cannot be switched off.",
            "There is no feature called nothing-such. /features lists them.",
        ])
        try await FeatureSwitches(storage: storage).set("help", isOn: false, in: Self.group, on: .console)
        await say("/help", to: bot)
        #expect(actions.sentTexts.last?.hasPrefix("Commands:") == true, "a stored switch cannot turn an unswitchable feature off")
    }

    @Test func featuresListsEachWithItsStateAndHelpMarksOffCommands() async throws {
        let bot = makeBot()
        try await FeatureSwitches(storage: storage).set("greeter", isOn: false, in: Self.group, on: .console)
        await say("/features", to: bot)
        await say("/help", to: bot)
        let listing = try #require(actions.sentTexts.first)
        #expect(listing.split(separator: "\n") == [
            "Features here:", "✅ help (Help) — lists commands", "✅ features (Feature switches) — turn features on or off in this chat",
            "⛔ greeter (Greeter) — says hello", "✅ chat (Chat) — talks", "Switch with /enable <feature> or /disable <feature>.",
        ])
        let help = try #require(actions.sentTexts.last).split(separator: "\n")
        #expect(help.contains("/hello 打招呼 (off here)"))
        #expect(help.contains("/ping"))
    }

    @Test func whileTheStoreIsDownEveryFeatureIsAtItsDefault() async {
        let bot = makeBot(offByDefault: ["chat"], storage: DownStore())
        await say("/hello", to: bot)
        await say("how are you", to: bot)
        #expect(actions.sentTexts == ["hello", "Chat is off in this group; a group admin can turn it on with /enable chat."])
    }
}
