import Foundation
import Hummingbird
import Logging
import NIOFoundationCompat
import VioCore

/// The console's features: `GET /console/features` lists every feature with its default and the
/// chats where it was switched; `POST /console/features` with
/// `{"feature": "picture", "platform": "onebot", "chat": "group", "id": "123456", "on": false}`
/// switches one for a chat, in the same store and by the same rules as `/disable` in that chat
/// (the switchboard and help cannot be switched off).
struct ConsoleFeatures: Sendable {
    let features: [FeatureInfo]
    let offByDefault: Set<String>
    let switches: FeatureSwitches
    let logger: Logger

    struct Listed: Encodable, Equatable {
        struct Switched: Encodable, Equatable {
            let platform: String
            let chat: String
            let id: String
            let on: Bool
        }

        let id: String
        let name: String
        let summary: String
        let switchable: Bool
        let onByDefault: Bool
        let switched: [Switched]
    }

    struct Switch: Decodable {
        var feature: String
        var platform: String
        var chat: String
        var id: String
        var on: Bool
    }

    func list() async throws -> [Listed] {
        let chats = try await switches.switchedChats()
        let states = FeatureStates(features: features, offByDefault: offByDefault)
        return features.map { feature in
            Listed(
                id: feature.id, name: feature.name, summary: feature.summary, switchable: feature.isSwitchable,
                onByDefault: states.isOnByDefault(feature),
                switched: chats.compactMap { switched in
                    switched.switches[feature.id].map {
                        Listed.Switched(platform: switched.platform.rawValue, chat: switched.chat.kind.rawValue, id: "\(switched.chat.id)", on: $0)
                    }
                })
        }
    }

    func respond(to request: Request) async throws -> Response {
        let body = try await request.body.collect(upTo: 16 << 10)
        guard let change = try? JSONDecoder().decode(Switch.self, from: Data(buffer: body)) else {
            return .text(#"expected JSON {"feature": "picture", "platform": "onebot", "chat": "group", "id": "123456", "on": false}"#, status: .badRequest)
        }
        guard let feature = features.first(where: { $0.id == change.feature }) else {
            return .text("there is no feature \(change.feature); GET /console/features lists them", status: .badRequest)
        }
        guard feature.isSwitchable else { return .text("\(feature.name) cannot be switched off", status: .badRequest) }
        let id = change.id.trimmingCharacters(in: .whitespaces)
        guard let kind = Chat.Kind(rawValue: change.chat), !id.isEmpty, !change.platform.isEmpty, !change.platform.contains("/") else {
            return .text("chat must be private, group or channel, with the chat's id and its platform (onebot, telegram…)", status: .badRequest)
        }
        let chat = Chat(kind: kind, id: ID(id))
        try await switches.set(feature.id, isOn: change.on, in: chat, on: Platform(change.platform))
        logger.info("feature switched", metadata: [
            "feature": "\(feature.id)", "on": "\(change.on)", "platform": "\(change.platform)", "chat": "\(chat.id)", "by": "console",
        ])
        return .json(try await list())
    }
}
