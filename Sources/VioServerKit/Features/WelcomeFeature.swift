import Foundation
import VioCore

/// Greets members who join a group and says goodbye to those who leave.
///
/// The texts come from `VIO_WELCOME_TEXT` and `VIO_FAREWELL_TEXT`; `{user}` becomes a mention of the
/// newcomer in the welcome and the user's id in the farewell (a mention would reach no one). The bot
/// does not greet itself when it joins a group.
struct WelcomeFeature: Feature {
    let id = "welcome"
    var name: String { FeatureTexts.Feature.welcome.name }
    var summary: String { FeatureTexts.Feature.welcome.summary }
    let configuration: ServerConfiguration

    static let placeholder = "{user}"

    func install(on bot: inout Bot) {
        let welcome = configuration.welcomeText
        let farewell = configuration.farewellText
        bot.onNotice { context in
            guard !context.isAboutTheBot else { return }
            switch context.notice {
            case .memberJoined(let change):
                try await context.send(to: change.chat, Self.welcome(welcome, user: change.user))
            case .memberLeft(let change):
                let text = farewell.replacingOccurrences(of: Self.placeholder, with: "\(change.user)")
                try await context.send(to: change.chat, OutgoingMessage(stringLiteral: text))
            default:
                break
            }
        }
    }

    /// `text` with every `{user}` replaced by a mention of `user`.
    static func welcome(_ text: String, user: ID) -> OutgoingMessage {
        var parts: [OutgoingPart] = []
        for (index, piece) in text.components(separatedBy: placeholder).enumerated() {
            if index > 0 { parts.append(.mention(user)) }
            if !piece.isEmpty { parts.append(.text(piece)) }
        }
        return OutgoingMessage(parts)
    }
}
