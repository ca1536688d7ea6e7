import ArgumentParser

/// `vio-server`: runs the Vio bot.
@main
struct VioServerCommand: AsyncParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "vio-server",
        abstract: "Runs the Vio chat bot for QQ (OneBot v11), Telegram and plain HTTP.",
        discussion: """
            Settings come from the environment (PORT, BOT_TOKEN, OPENAI_API_KEY, …); see README.md.
            This build has the SDK modules but no serving yet: sockets, storage and features \
            arrive with the runner issues.
            """,
        version: version
    )

    func run() async throws {
        print("vio-server \(Self.version)")
        print("Nothing is wired yet: the OneBot, Telegram and HTTP endpoints arrive in a later release.")
    }
}
