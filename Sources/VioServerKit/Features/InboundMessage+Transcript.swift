import VioCore

extension InboundMessage {
    /// The message as one line of text for the recall log: text as it is, mentions as `@id`,
    /// pictures as `[图片]`, other parts as `[type]`.
    var transcript: String {
        parts.map { part in
            switch part {
            case .text(let text): text
            case .mention(let user): "@\(user)"
            case .mentionAll: "@全体成员"
            case .image: "[图片]"
            case .reply: ""
            case .other(let type): "[\(type)]"
            }
        }.joined()
    }
}
