import VioCore

/// Mutes the sender for a random time, in groups:
/// - `禁言抽奖` / `/lottery`: 0–600 seconds (0 is lucky);
/// - `/banme` (VioGo's Telegram command): 30–120 seconds, never lucky. Telegram takes a restriction
///   under 30 seconds as forever, so it never draws less.
///
/// When the bot may not mute (it is no admin, or the sender outranks it) the user hears so, kindly.
struct MuteLotteryFeature: Feature {
    let id = "lottery"
    var name: String { FeatureTexts.Feature.lottery.name }
    var summary: String { FeatureTexts.Feature.lottery.summary }
    let environment: FeatureEnvironment

    /// The longest mute the lottery hands out, in seconds.
    static let maxSeconds = 600
    /// What `/banme` draws from.
    static let banMeSeconds = 30...120

    func install(on bot: inout Bot) {
        let random = environment.random
        bot.command("禁言抽奖", aliases: ["/lottery"], summary: FeatureTexts.Summary.lottery, scope: .groupOnly) { context, _ in
            let seconds = min(max(random(0...Self.maxSeconds), 0), Self.maxSeconds)
            guard seconds > 0 else { return try await context.say(FeatureTexts.Lottery.lucky) }
            try await Self.mute(context, for: seconds)
        }
        bot.command("/banme", aliases: ["自助禁言"], summary: FeatureTexts.Summary.banMe, scope: .groupOnly) { context, _ in
            let range = Self.banMeSeconds
            try await Self.mute(context, for: min(max(random(range), range.lowerBound), range.upperBound))
        }
    }

    /// Mutes the sender for `seconds` and tells them so, with a mention.
    static func mute(_ context: BotContext, for seconds: Int) async throws {
        do {
            try await context.mute(user: context.sender.id, for: .seconds(seconds))
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw FeatureError.muteFailed(error)
        }
        try await context.reply(OutgoingMessage([.mention(context.sender.id), .text(FeatureTexts.Lottery.muted(for: seconds))]))
    }
}
