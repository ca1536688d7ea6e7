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

    private var api: PictureAPI { PictureAPI(url: environment.configuration.pictureAPIURL, transport: environment.transport) }

    func install(on bot: inout Bot) {
        let api = api
        let records = environment.records
        bot.command("来份涩图", aliases: ["/pic"], summary: FeatureTexts.Summary.picture, usage: FeatureTexts.Usage.picture) { context, arguments in
            try await Self.answer(tags: arguments.text, r18: false, api: api, in: context)
        }
        bot.command("来份r18涩图", aliases: ["/pic18"], summary: FeatureTexts.Summary.r18Picture, usage: FeatureTexts.Usage.picture) { context, arguments in
            guard try await Self.isR18Enabled(in: context, records: records) else { return try await context.say(FeatureTexts.Picture.r18Refused) }
            try await Self.answer(tags: arguments.text, r18: true, api: api, in: context)
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

    /// `send_picture`: the same picture the command sends, r18 only where the chat turned it on.
    var chatTool: ChatTool {
        let api = api
        let records = environment.records
        return ChatTool(featureID: id, name: "send_picture", description: FeatureTexts.Tool.sendPicture, parameters: [
            "type": "object",
            "properties": [
                "tags": ["type": "array", "items": ["type": "string"], "description": .string(FeatureTexts.Tool.pictureTags)],
                "r18": ["type": "boolean", "description": .string(FeatureTexts.Tool.pictureR18)],
            ],
        ]) { arguments, context in
            let tags = (arguments["tags"]?.arrayValue ?? []).compactMap(\.stringValue)
            let r18 = arguments["r18"]?.boolValue ?? false
            if r18, try await !Self.isR18Enabled(in: context, records: records) { return FeatureTexts.Tool.r18Off }
            guard let picture = try await Self.sendPicture(tags: tags, r18: r18, api: api, in: context) else { return FeatureTexts.Tool.noPicture }
            return FeatureTexts.Tool.pictureSent(title: picture.title, author: picture.author, pid: picture.pid)
        }
    }

    /// The command's answer: the picture, or a line saying there is none.
    private static func answer(tags text: String, r18: Bool, api: PictureAPI, in context: BotContext) async throws {
        if try await sendPicture(tags: tags(in: text), r18: r18, api: api, in: context) == nil {
            try await context.say(FeatureTexts.Picture.noPicture)
        }
    }

    /// Sends a picture with `tags` to the chat; `nil` when the API has none.
    private static func sendPicture(tags: [String], r18: Bool, api: PictureAPI, in context: BotContext) async throws -> PictureAPI.Picture? {
        guard let picture = try await api.pictures(tags: tags, r18: r18).first else { return nil }
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
        return picture
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
