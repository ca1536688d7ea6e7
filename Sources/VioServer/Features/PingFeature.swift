import VioCore

/// `/ping`: `pong`, how long the server has run and which bots are connected.
struct PingFeature: VioFeature {
    let environment: FeatureEnvironment

    func install(on bot: inout Bot) {
        let status = environment.status
        bot.command("/ping", summary: FeatureTexts.Summary.ping) { context, _ in
            let current = await status()
            try await context.say(FeatureTexts.Ping.status(uptime: current.uptime, bots: current.connectedBots, linksDown: current.linksDown))
        }
    }
}
