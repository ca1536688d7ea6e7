import TelegramKit
import VioCore

extension InboundMessage {
    /// What the platform tells of the sender beyond id and name: Telegram's username and language.
    var platformProfile: (username: String?, language: String?) {
        guard let message = raw as? TelegramKit.Message, let sender = message.from else { return (nil, nil) }
        return (sender.username, sender.languageCode)
    }
}
