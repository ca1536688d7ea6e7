import Testing
import VioCore

@Suite struct CommandRegistryTests {
    let registry: CommandRegistry = {
        var registry = CommandRegistry()
        for (name, aliases) in [("来份涩图", ["/pic"]), ("来份r18涩图", []), ("/chat", []), ("help", ["/help", "帮助"]), ("/chatgpt", [])] {
            registry.register(Command(name, aliases: aliases) { _, _ in })
        }
        return registry
    }()

    func matched(_ text: String, usernames: Set<String> = []) -> (name: String, trigger: String, arguments: String)? {
        registry.match(text, botUsernames: usernames).map { ($0.command.name, $0.arguments.trigger, $0.arguments.text) }
    }

    @Test func namesAndAliasesReachTheSameCommand() {
        #expect(matched("来份涩图")?.name == "来份涩图")
        #expect(matched("/pic 风景")?.name == "来份涩图")
        #expect(matched("/pic 风景")?.trigger == "/pic")
        #expect(matched("帮助")?.name == "help")
    }

    @Test func argumentsFollowTheTriggerLikeVioGo() {
        #expect(matched("来份涩图 风景")?.arguments == "风景")
        #expect(matched("来份涩图风景 猫")?.arguments == "风景 猫", "a CJK trigger takes arguments without a space")
        #expect(matched("  /chat   hello there  ")?.arguments == "hello there")
        #expect(matched("来份r18涩图 x")?.name == "来份r18涩图")
    }

    @Test func asciiTriggersNeedAWordBoundary() {
        #expect(matched("/chatter") == nil)
        #expect(matched("helpful") == nil)
        #expect(matched("/chat\nline two")?.arguments == "line two")
    }

    @Test func theLongestTriggerWins() {
        #expect(matched("/chatgpt hi")?.name == "/chatgpt")
        #expect(matched("/chat gpt")?.name == "/chat")
    }

    @Test func asciiLettersMatchCaseInsensitively() {
        #expect(matched("HELP")?.name == "help")
        #expect(matched("/Chat Hi")?.arguments == "Hi", "arguments keep their case")
    }

    @Test func commandsAddressedToABotByNameAreTolerated() {
        #expect(matched("/chat@VioBot hi", usernames: ["viobot"])?.arguments == "hi")
        #expect(matched("/help@VioBot", usernames: ["VioBot"])?.name == "help")
        #expect(matched("/chat@OtherBot hi", usernames: ["VioBot"]) == nil, "a command for another bot is not ours")
        #expect(matched("/chat@anyone hi")?.name == "/chat", "with no known username any suffix is accepted")
    }

    @Test func textThatIsNoCommandMatchesNothing() {
        #expect(matched("") == nil)
        #expect(matched("hello") == nil)
        #expect(matched("说 来份涩图") == nil, "triggers match at the start only")
    }

    @Test func anEarlierCommandKeepsADuplicateTrigger() {
        var registry = CommandRegistry()
        registry.register(Command("/a", aliases: ["/x"]) { _, _ in })
        registry.register(Command("/b", aliases: ["/x"]) { _, _ in })
        #expect(registry.match("/x")?.command.name == "/a")
    }

    @Test func argumentWordsSplitOnWhitespace() {
        let arguments = CommandArguments(trigger: "打一枪听听", text: "莫辛  5m")
        #expect(arguments.words == ["莫辛", "5m"])
    }
}
