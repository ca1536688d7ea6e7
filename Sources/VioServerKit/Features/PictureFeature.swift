import Foundation
import VioCore

/// `来份涩图 [tags]` / `/pic`, `来份r18涩图 [tags]` / `/pic18`, and `/r18 on|off`.
///
/// Tags are separated by spaces, commas or `，`. In groups the picture comes as a forward bundle
/// (as VioGo sent it), in private chats as a picture. r18 is off everywhere until a group admin,
/// the owner or a superuser turns it on for that chat; the switch is kept in `records`.
struct PictureFeature: Feature {
    let id = "picture"
    var name: String { FeatureTexts.Feature.picture.name }
    var summary: String { FeatureTexts.Feature.picture.summary }
    let environment: FeatureEnvironment

    /// Where the r18 switch of each chat is kept (a JSON `true`/`false`, no expiry).
    static let r18Namespace = "r18"

    func install(on bot: inout Bot) {
        let api = PictureAPI(url: environment.configuration.pictureAPIURL, transport: environment.transport)
        let records = environment.records
        bot.command("来份涩图", aliases: ["/pic"], summary: FeatureTexts.Summary.picture, usage: FeatureTexts.Usage.picture) { context, arguments in
            try await Self.sendPicture(tags: arguments.text, r18: false, api: api, in: context)
        }
        bot.command("来份r18涩图", aliases: ["/pic18"], summary: FeatureTexts.Summary.r18Picture, usage: FeatureTexts.Usage.picture) { context, arguments in
            guard try await Self.isR18Enabled(in: context, records: records) else { return try await context.say(FeatureTexts.Picture.r18Refused) }
            try await Self.sendPicture(tags: arguments.text, r18: true, api: api, in: context)
        }
        bot.command("/r18", summary: FeatureTexts.Summary.r18Switch, usage: FeatureTexts.Usage.r18Switch, permission: .groupAdmin) { context, arguments in
            let key = context.chatRecordKey
            switch arguments.text.lowercased() {
            case "on", "开", "开启":
                try await records.set(true, for: key, in: Self.r18Namespace)
                try await context.say(FeatureTexts.Picture.r18Enabled)
            case "off", "关", "关闭":
                try await records.set(false, for: key, in: Self.r18Namespace)
                try await context.say(FeatureTexts.Picture.r18Disabled)
            default:
                try await context.say(FeatureTexts.Picture.r18Status(isOn: try await Self.isR18Enabled(in: context, records: records)))
            }
        }
    }

    /// `风景 猫,白发，少女` → `["风景", "猫", "白发", "少女"]`.
    static func tags(in text: String) -> [String] {
        text.split(whereSeparator: { $0.isWhitespace || $0 == "," || $0 == "，" }).map(String.init)
    }

    private static func isR18Enabled(in context: BotContext, records: any KeyValueStore) async throws -> Bool {
        try await records.get(Bool.self, for: context.chatRecordKey, in: r18Namespace) ?? false
    }

    private static func sendPicture(tags text: String, r18: Bool, api: PictureAPI, in context: BotContext) async throws {
        guard let picture = try await api.pictures(tags: tags(in: text), r18: r18).first else {
            return try await context.say(FeatureTexts.Picture.noPicture)
        }
        do {
            if context.chat.isPrivate {
                try await context.reply(OutgoingMessage([.image(url: picture.url)]))
            } else {
                try await context.send(to: context.chat, bundle(of: picture, from: context.message.botID))
            }
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw FeatureError.pictureNotSent(error)
        }
    }

    /// A forward bundle: the caption, then the picture, both said by the bot.
    private static func bundle(of picture: PictureAPI.Picture, from bot: ID) -> OutgoingMessage {
        let name = FeatureTexts.Picture.forwardSenderName
        let caption = FeatureTexts.Picture.caption(title: picture.title, author: picture.author, pid: picture.pid)
        return OutgoingMessage([.forward([
            ForwardNode(senderID: bot, senderName: name, message: OutgoingMessage(stringLiteral: caption)),
            ForwardNode(senderID: bot, senderName: name, message: OutgoingMessage([.image(url: picture.url)])),
        ])])
    }
}
