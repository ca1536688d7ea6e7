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
    /// `configuration.superusers` (`VIO_SUPERUSERS`) as the bot's superusers and switches off
    /// `VIO_DISABLED_FEATURES` by default. Commands are listed by help in the order below, then
    /// those of `extra`, features of your own installed after Vio's.
    static func install(on bot: inout Bot, environment: FeatureEnvironment, adding extra: [any Feature] = []) {
        bot.texts = FeatureTexts.runtime
        bot.services.superusers.formUnion(environment.configuration.superusers)
        let allowance = ChatAllowance(
            rate: environment.configuration.chatRate, dailyTokens: environment.configuration.chatDailyTokens,
            records: environment.records, now: environment.now)
        let picture = PictureFeature(environment: environment)
        let gun = GunSoundFeature(environment: environment)
        let recall = RecallFeature(environment: environment)
        let features: [any Feature] = [
            HelpFeature(),
            FeatureSwitchboard(
                texts: FeatureTexts.switchboard, listAliases: ["功能列表"], enableAliases: ["开启功能"], disableAliases: ["关闭功能"]),
            ChatFeature(
                environment: environment, allowance: allowance, tools: [picture.chatTool, gun.chatTool, recall.chatTool],
                logger: bot.services.logger),
            RoastFeature(environment: environment, allowance: allowance),
            picture,
            gun,
            MuteLotteryFeature(environment: environment),
            AdminFeature(),
            recall,
            WelcomeFeature(configuration: environment.configuration),
            PingFeature(environment: environment),
        ]
        for feature in features + extra {
            bot.install(feature)
        }
        bot.featuresOffByDefault = environment.configuration.disabledFeatures
        let unknown = environment.configuration.disabledFeatures.subtracting(bot.features.map(\.id))
        if !unknown.isEmpty {
            bot.services.logger.warning("VIO_DISABLED_FEATURES names features this server does not have; they are ignored", metadata: [
                "unknown": unknown.sorted().joined(separator: ","), "known": bot.features.map(\.id).joined(separator: ","),
            ])
        }
    }
}
