import VioCore

/// `禁言抽奖` / `/lottery`, in groups: mutes the sender for a random 0–600 seconds (0 is lucky).
///
/// When the bot may not mute (it is no admin, or the sender outranks it) the user hears so, kindly.
struct MuteLotteryFeature: VioFeature {
    let environment: FeatureEnvironment

    /// The longest mute the lottery hands out, in seconds.
    static let maxSeconds = 600

    func install(on bot: inout Bot) {
        let random = environment.random
        bot.command("禁言抽奖", aliases: ["/lottery"], summary: FeatureTexts.Summary.lottery, scope: .groupOnly) { context, _ in
            let seconds = min(max(random(0...Self.maxSeconds), 0), Self.maxSeconds)
            guard seconds > 0 else { return try await context.say(FeatureTexts.Lottery.lucky) }
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
}
