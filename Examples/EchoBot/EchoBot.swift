// A bot in a terminal: every line you type is a private message, every reply is printed.
// Run it with `swift run EchoBot`, then type `/echo hi`, `help` or anything else.
import VioCore

/// The bot itself: two commands, a help listing and a fallback. It knows nothing of terminals.
enum EchoBot {
    static func make() -> Bot {
        var bot = Bot()
        bot.helpCommand()
        bot.command("/echo", aliases: ["复读"], summary: "say it back") { context, arguments in
            try await context.reply(OutgoingMessage(stringLiteral: arguments.text))
        }
        bot.command("/whoami", summary: "who the bot thinks you are") { context, _ in
            try await context.reply("You are \(context.sender.displayName) (\(context.sender.id)).")
        }
        bot.fallback { context in
            try await context.reply("You said: \(context.message.text)")
        }
        return bot
    }
}

/// The console as a platform: sending a message prints it.
struct ConsoleActions: ChatActions {
    let platform = Platform.console

    func send(_ message: OutgoingMessage, to chat: Chat) async throws -> ID? {
        print("bot> \(message.plainText)")
        return nil
    }
}

/// The console as a connection: every line typed is a private message from "you".
struct ConsoleConnection: PlatformConnection {
    func run(deliver: (Delivery) -> Void) async throws {
        var number: Int64 = 0
        while let line = readLine() {
            number += 1
            let message = InboundMessage(
                platform: .console, botID: 0, chat: .private(1), sender: Sender(id: 1, displayName: "you"),
                messageID: ID(number), text: line, isAddressedToBot: true)
            deliver(Delivery(.message(message), via: ConsoleActions()))
        }
    }
}

@main
struct EchoBotMain {
    static func main() async throws {
        try await Dispatcher(bot: EchoBot.make()).serve(ConsoleConnection())
    }
}
