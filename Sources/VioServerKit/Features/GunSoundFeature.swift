import Foundation
import VioCore

/// `打一枪听听 [gun] [distance]` / `/gun`: the sound of a Hunt: Showdown gun as a voice clip.
///
/// The clip is `HUNT_SOUND_BASE_URL` + `<file_stem>-<NN>.mp3`; a random gun when none is named, 5 m
/// when no distance is. QQ plays a `record` only when it is the whole message, so it is sent alone.
struct GunSoundFeature: Feature {
    let id = "gun"
    var name: String { FeatureTexts.Feature.gun.name }
    var summary: String { FeatureTexts.Feature.gun.summary }
    let environment: FeatureEnvironment
    var arsenal = HuntArsenal.standard

    /// How many names an unknown gun's reply suggests.
    static let suggestionCount = 12

    func install(on bot: inout Bot) {
        let arsenal = arsenal
        let base = environment.configuration.huntSoundBaseURL
        let random = environment.random
        bot.command("打一枪听听", aliases: ["/gun"], summary: FeatureTexts.Summary.gun, usage: FeatureTexts.Usage.gun) { context, arguments in
            switch arsenal.choice(for: arguments.text) {
            case .unknownGun(let name):
                let known = arsenal.guns.prefix(Self.suggestionCount).map(\.shortName)
                try await context.say(FeatureTexts.Gun.unknownGun(name, known: known, total: arsenal.guns.count))
            case .unknownDistance(let text):
                try await context.say(FeatureTexts.Gun.unknownDistance(text, known: arsenal.distances.map(\.label)))
            case .shot(let named, let distance):
                guard !arsenal.guns.isEmpty else { return }
                let gun = named ?? arsenal.guns[min(max(random(0...arsenal.guns.count - 1), 0), arsenal.guns.count - 1)]
                guard let url = arsenal.soundURL(of: gun, at: distance, base: base) else {
                    return context.logger.warning("no valid sound URL; check HUNT_SOUND_BASE_URL", metadata: ["gun": gun.name])
                }
                try await context.send(to: context.chat, OutgoingMessage([.voice(url: url)]))
            }
        }
    }
}
