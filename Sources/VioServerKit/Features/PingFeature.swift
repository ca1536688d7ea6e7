import VioCore

/// `/ping`: `pong`, how long the server has run and which bots are connected.
struct PingFeature: Feature {
    let id = "ping"
    var name: String { FeatureTexts.Feature.ping.name }
    var summary: String { FeatureTexts.Feature.ping.summary }
    let environment: FeatureEnvironment

    func install(on bot: inout Bot) {
        let status = environment.status
        bot.command("/ping", summary: FeatureTexts.Summary.ping) { context, _ in
            let current = await status()
            try await context.say(FeatureTexts.Ping.status(uptime: current.uptime, bots: current.connectedBots, linksDown: current.linksDown))
        }
    }
}
