// A Telegram bot that echoes every text message and greets on /start, by long polling.
// Run it with `BOT_TOKEN=123:abc swift run TelegramEchoBot`; stop it with Ctrl-C.
import Foundation
import TelegramKit
import VioCore
import VioURLSession

@main
struct TelegramEchoBot {
    static func main() async {
        guard let token = ProcessInfo.processInfo.environment["BOT_TOKEN"], !token.isEmpty else {
            print("Set BOT_TOKEN to the token @BotFather gave you.")
            exit(1)
        }
        let logger = PrintLogger(minimumLevel: .info)
        let client = TelegramClient(
            token: Redacted(token), transport: URLSessionTransport(),
            rateLimiter: OutgoingRateLimiter(), logger: logger)
        do {
            let me = try await client.call(GetMe())
            logger.info("echoing as @\(me.username ?? me.firstName)")
            for try await update in client.longPolling(allowedUpdates: [.message]) {
                guard case .message(let message) = update.kind, let text = message.text else { continue }
                await answer(message, text: text, me: me, client: client, logger: logger)
            }
        } catch {
            logger.error("stopped", metadata: ["error": "\(error)"])
            exit(1)
        }
    }

    /// Greets on `/start`, ignores commands meant for other bots, and says everything else back.
    static func answer(_ message: Message, text: String, me: User, client: TelegramClient, logger: PrintLogger) async {
        let reply: FormattedText
        if let command = message.botCommand {
            guard command.isAddressed(to: me.username) else { return }
            let name = message.from?.firstName ?? "there"
            reply = command.name == "start" ? "Hello, " + .bold(name) + "! Send me anything and I will say it back." : "You said " + .code(text)
        } else {
            reply = FormattedText(text)
        }
        let options = MessageOptions(messageThreadID: message.messageThreadID, replyParameters: ReplyParameters(messageID: message.messageID))
        do {
            try await client.call(SendMessage(chatID: .id(message.chat.id), formatted: reply, options: options))
        } catch {
            logger.warning("could not answer", metadata: ["chat": "\(message.chat.id)", "error": "\(error)"])
        }
    }
}
