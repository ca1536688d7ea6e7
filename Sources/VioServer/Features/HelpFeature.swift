import VioCore

/// `help` / `/help` / `帮助`: every command usable in this chat, with its triggers and one line.
struct HelpFeature: VioFeature {
    func install(on bot: inout Bot) {
        bot.helpCommand("help", aliases: ["/help", "帮助"], formatter: HelpFormatter(title: FeatureTexts.Help.title))
    }
}
