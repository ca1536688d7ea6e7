import Foundation
import VioCore

/// The Bot API calls that send one ``OutgoingMessage``, worked out without sending anything.
///
/// Text and mentions become one text (mentions as `tg://user?id=` links, shown with the name when
/// known); the first picture or voice clip carries the text as its caption when it fits (1024 UTF-16
/// units), else the text goes first on its own; forward bundles are sent as "name: text" lines.
struct OutgoingPlan: Sendable {
    enum Step: Sendable {
        case text(SendMessage)
        case photo(SendPhoto)
        case voice(SendVoice)
    }

    let steps: [Step]

    init(_ message: OutgoingMessage, to chat: ChatTarget, name: (Int64) -> String? = { _ in nil }) {
        var text = TextBuilder()
        var media: [(OutgoingPart, MediaSource)] = []
        for part in message.parts {
            switch part {
            case .text(let words): text.append(words)
            case .mention(let user): text.appendMention(user, lookUp: name)
            case .forward(let nodes): text.appendForward(nodes)
            case .image(let source), .voice(let source): media.append((part, source))
            case .reply: break
            }
        }
        let replyID = message.replyTo.flatMap(\.int64Value)
        let options = MessageOptions(replyParameters: replyID.map { ReplyParameters(messageID: $0, allowSendingWithoutReply: true) })
        let caption = text.isEmpty ? nil : Caption(text.text, entities: text.entities.isEmpty ? nil : text.entities)
        let captionFits = text.text.utf16.count <= 1024
        var steps: [Step] = []
        if !text.isEmpty, media.isEmpty || !captionFits {
            steps.append(.text(SendMessage(chatID: chat, text: text.text, entities: text.entities.isEmpty ? nil : text.entities, options: options)))
        }
        for (index, (part, source)) in media.enumerated() {
            let first = index == 0 && steps.isEmpty
            let stepOptions = first ? options : MessageOptions()
            let stepCaption = first && captionFits ? caption : nil
            if case .voice = part {
                steps.append(.voice(SendVoice(chatID: chat, voice: InputFile(source), caption: stepCaption, options: stepOptions)))
            } else {
                steps.append(.photo(SendPhoto(chatID: chat, photo: InputFile(source), caption: stepCaption, options: stepOptions)))
            }
        }
        self.steps = steps
    }

    /// Text with `text_link` entities for mentions, measured in UTF-16 as Telegram counts.
    private struct TextBuilder {
        var text = ""
        var entities: [MessageEntity] = []

        var isEmpty: Bool { text.isEmpty }

        mutating func append(_ words: String) {
            text += words
        }

        mutating func appendMention(_ user: ID, lookUp name: (Int64) -> String?) {
            guard let id = user.int64Value else { return append("@\(user)") }
            let shown = name(id) ?? String(id)
            entities.append(MessageEntity(type: .textLink, offset: text.utf16.count, length: shown.utf16.count, url: "tg://user?id=\(id)"))
            text += shown
        }

        mutating func appendForward(_ nodes: [ForwardNode]) {
            if !text.isEmpty, !text.hasSuffix("\n") { text += "\n" }
            text += nodes.map { "\($0.senderName): \($0.message.plainText)" }.joined(separator: "\n")
        }
    }
}

extension InputFile {
    /// A VioCore media source as a file to send: URLs are fetched by Telegram, data is uploaded.
    init(_ source: MediaSource) {
        switch source {
        case .url(let url): self = .url(url)
        case .data(let data, let filename): self = .upload(data, filename: filename)
        }
    }
}
