import VioCore

/// One of the Vio bot's features: it adds its commands, middleware or notice handlers to a bot.
protocol VioFeature: Sendable {
    func install(on bot: inout Bot)
}
