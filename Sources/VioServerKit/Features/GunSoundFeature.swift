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
        let shoot = shooter
        bot.command("打一枪听听", aliases: ["/gun"], summary: FeatureTexts.Summary.gun, usage: FeatureTexts.Usage.gun) { context, arguments in
            if let refusal = try await shoot(arguments.text, context) { try await context.say(refusal) }
        }
    }

    /// `play_gun_sound`: the command's sound, the gun and distance given apart.
    var chatTool: ChatTool {
        let shoot = shooter
        return ChatTool(featureID: id, name: "play_gun_sound", description: FeatureTexts.Tool.playGunSound, parameters: [
            "type": "object",
            "properties": [
                "gun": ["type": "string", "description": .string(FeatureTexts.Tool.gunName)],
                "distance": ["type": "string", "description": .string(FeatureTexts.Tool.gunDistance)],
            ],
        ]) { arguments, context in
            let gun = arguments["gun"]?.stringValue ?? ""
            let distance = arguments["distance"]?.stringValue ?? ""
            return try await shoot("\(gun) \(distance)".trimmingCharacters(in: .whitespaces), context) ?? FeatureTexts.Tool.gunPlayed
        }
    }

    /// Plays the sound `text` names (`莫辛 50m`, a random gun when it names none) in the context's
    /// chat; the line to say instead when it names no gun or distance Vio knows, else `nil`.
    private var shooter: @Sendable (_ text: String, _ context: BotContext) async throws -> String? {
        let arsenal = arsenal
        let base = environment.configuration.huntSoundBaseURL
        let random = environment.random
        return { text, context in
            switch arsenal.choice(for: text) {
            case .unknownGun(let name):
                let known = arsenal.guns.prefix(Self.suggestionCount).map(\.shortName)
                return FeatureTexts.Gun.unknownGun(name, known: known, total: arsenal.guns.count)
            case .unknownDistance(let text):
                return FeatureTexts.Gun.unknownDistance(text, known: arsenal.distances.map(\.label))
            case .shot(let named, let distance):
                guard !arsenal.guns.isEmpty else { return nil }
                let gun = named ?? arsenal.guns[min(max(random(0...arsenal.guns.count - 1), 0), arsenal.guns.count - 1)]
                guard let url = arsenal.soundURL(of: gun, at: distance, base: base) else {
                    context.logger.warning("no valid sound URL; check HUNT_SOUND_BASE_URL", metadata: ["gun": gun.name])
                    return nil
                }
                try await context.send(to: context.chat, OutgoingMessage([.voice(url: url)]))
                return nil
            }
        }
    }
}
