import VioCore

/// `/start` (what Telegram sends when someone opens the bot) and `/me` (who the bot thinks you are:
/// id and name everywhere; username and language where the platform says, as Telegram does).
struct StartFeature: VioFeature {
    func install(on bot: inout Bot) {
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
