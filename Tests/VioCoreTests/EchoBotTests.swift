import Testing
import VioCore
import VioCoreTesting
@testable import EchoBot

@Suite struct EchoBotTests {
    @Test func theExampleAnswersThroughATestAdapter() async {
        let bot = EchoBot.make()
        let actions = RecordingActions()
        for line in ["/echo hello", "复读 你好", "/whoami", "good morning"] {
            await bot.handle(.message(.test(text: line)), via: actions)
        }
        #expect(actions.sentTexts == ["hello", "你好", "You are Tester (42).", "You said: good morning"])
    }
}
