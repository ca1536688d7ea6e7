import VioCore

/// `help` / `/help` / `帮助`: every command with its triggers and one line; commands for groups only
/// are marked as such in private chats.
struct HelpFeature: VioFeature {
    func install(on bot: inout Bot) {
        let formatter = HelpFormatter(title: FeatureTexts.Help.title, scopeNotes: (FeatureTexts.Help.groupOnly, FeatureTexts.Help.privateOnly))
        bot.helpCommand("help", aliases: ["/help", "帮助"], summary: FeatureTexts.Help.summary, formatter: formatter)
    }
}
