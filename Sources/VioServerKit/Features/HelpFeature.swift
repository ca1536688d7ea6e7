import VioCore

/// Vio introducing itself; always on:
/// - `help` / `/help` / `帮助`: every command with its triggers and one line; commands for groups
///   only are marked as such in private chats, and commands of features that are off here as off;
/// - `/start` (what Telegram sends when someone opens the bot);
/// - `/me` (who the bot thinks you are: id and name everywhere; username and language where the
///   platform says, as Telegram does).
struct HelpFeature: Feature {
    let id = "help"
    var name: String { FeatureTexts.Feature.help.name }
    var summary: String { FeatureTexts.Feature.help.summary }
    var isSwitchable: Bool { false }

    func install(on bot: inout Bot) {
        let formatter = HelpFormatter(
            title: FeatureTexts.Help.title, scopeNotes: (FeatureTexts.Help.groupOnly, FeatureTexts.Help.privateOnly), offNote: FeatureTexts.Help.off)
        bot.helpCommand("help", aliases: ["/help", "帮助"], summary: FeatureTexts.Help.summary, formatter: formatter)
        bot.command("/start", aliases: ["开始"], summary: FeatureTexts.Summary.start) { context, _ in
            try await context.say(FeatureTexts.Start.greeting(name: context.sender.displayName))
        }
        bot.command("/me", aliases: ["我是谁"], summary: FeatureTexts.Summary.me) { context, _ in
            let profile = context.message.platformProfile
            try await context.say(FeatureTexts.Start.me(
                id: "\(context.sender.id)", name: context.sender.displayName, username: profile.username, language: profile.language))
        }
    }
}
