import OpenAIClient
import VioCore

/// The Vio bot: every feature VioGo had, written once for every platform.
///
/// ```swift
/// var bot = Bot(services: BotServices(conversations: storage.conversations, storage: storage.records, logger: logger))
/// VioFeatures.install(on: &bot, environment: environment)
/// try await Dispatcher(bot: bot).serve(connection)   // OneBot, Telegram and HTTP events alike
/// ```
enum VioFeatures {
    /// Registers every command, the chat fallback, middleware and notice handlers of the Vio bot.
    ///
    /// Also makes the runtime's own replies Chinese (``FeatureTexts/runtime``) and adds
    /// `configuration.superusers` (`VIO_SUPERUSERS`) as the bot's superusers. Commands are listed by help in the order below.
    static func install(on bot: inout Bot, environment: FeatureEnvironment) {
        bot.texts = FeatureTexts.runtime
        bot.services.superusers.formUnion(environment.configuration.superusers)
        let features: [any VioFeature] = [
            HelpFeature(),
            StartFeature(),
            ChatFeature(environment: environment, logger: bot.services.logger),
            RoastFeature(environment: environment),
            PictureFeature(environment: environment),
            GunSoundFeature(environment: environment),
            MuteLotteryFeature(environment: environment),
            AdminFeature(),
            RecallFeature(environment: environment),
            WelcomeFeature(configuration: environment.configuration),
            PingFeature(environment: environment),
        ]
        for feature in features {
            feature.install(on: &bot)
        }
    }
}
