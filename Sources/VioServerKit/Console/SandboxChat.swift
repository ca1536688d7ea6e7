import Foundation
import Hummingbird
import NIOFoundationCompat
import VioCore

/// The console's sandbox: `POST /console/sandbox` with `{"session": …, "text": …, "group": false}`
/// hands the text to the same bot every platform uses, on the `web` platform, and answers what the
/// bot said (texts, pictures, sounds), what it would have done to the group, and the model's own
/// error text when it failed.
///
/// A private chat by default; with `"group": true`, a group of its own with group rules: the bot
/// answers only a message that starts with `@vio`. Each browser session (`session`, letters,
/// digits and `-`) is its own user, remembered in the same store as everyone else.
struct SandboxChat: Sendable {
    static let botID: ID = "vio"
    /// How a group message addresses the bot.
    static let mention = "@vio"
    static let maximumBodySize = 64 << 10

    let dispatcher: Dispatcher
    /// Every secret the server knows, scrubbed from the model's error text.
    let secrets: [Redacted]

    struct Message: Decodable {
        var session: String
        var text: String
        var group: Bool?
    }

    /// What the page shows for one message.
    struct Answer: Encodable, Equatable {
        struct Reply: Encodable, Equatable {
            var text: String
            var images: [String]
            var sounds: [String]
        }

        var replies: [Reply]
        /// What the bot did to the group, which the sandbox only writes down (`mute Tester (you) for 2m`).
        var applied: [String]
        /// The model's failures in the upstream's own words, for the console only.
        var modelErrors: [String]
    }

    func respond(to request: Request, context: HTTPRouteContext) async throws -> Response {
        let body = try await request.body.collect(upTo: Self.maximumBodySize)
        guard let message = try? JSONDecoder().decode(Message.self, from: Data(buffer: body)) else {
            return .text(#"expected JSON {"session": "…", "text": "…", "group": false}"#, status: .badRequest)
        }
        guard Self.isSessionID(message.session) else {
            return .text("session must be 1 to 64 letters, digits or -", status: .badRequest)
        }
        let text = message.text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return .text("text is empty", status: .badRequest) }
        let answer = try await answer(text, session: message.session, inGroup: message.group ?? false)
        guard let answer else {
            return .text("the bot is busy or shutting down; try again shortly", status: .serviceUnavailable, headers: [.retryAfter: "5"])
        }
        return .json(answer)
    }

    /// What the bot answers `text` from `session`; `nil` when the dispatcher did not take it.
    func answer(_ text: String, session: String, inGroup: Bool) async throws -> Answer? {
        let user = ID("web-\(session)")
        let sender = Sender(id: user, displayName: "Tester", role: inGroup ? .member : nil)
        let addressed = !inGroup || Self.mentionsTheBot(text)
        let said = inGroup && addressed ? String(text.dropFirst(Self.mention.count)).trimmingCharacters(in: .whitespaces) : text
        let message = InboundMessage(
            platform: .web, botID: Self.botID, chat: inGroup ? .group(ID("web-group-\(session)")) : .private(user), sender: sender,
            messageID: ID(UUID().uuidString), text: said, isAddressedToBot: addressed)
        let actions = SandboxActions(user: sender)
        let notes = ModelFailureNotes()
        try await ModelFailureNotes.$current.withValue(notes) {
            try await dispatcher.serve(SingleDelivery(Delivery(.message(message), via: actions, onFinished: actions.finished)))
        }
        guard actions.outcome == .handled else { return nil }
        return Answer(
            replies: actions.messages.map { Self.reply($0, naming: sender) }, applied: actions.applied,
            modelErrors: notes.failures.map(secrets.scrub))
    }

    /// Whether a group message starts with `@vio` (any case) as a word of its own.
    static func mentionsTheBot(_ text: String) -> Bool {
        guard text.lowercased().hasPrefix(mention) else { return false }
        return text.dropFirst(mention.count).first.map { $0.isWhitespace } ?? true
    }

    static func isSessionID(_ text: String) -> Bool {
        (1...64).contains(text.count) && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
    }

    /// A message as the page shows it: its text (a mention of `user` by name), and its pictures and
    /// sounds as addresses a browser loads (`data:` for bytes).
    static func reply(_ message: OutgoingMessage, naming user: Sender) -> Answer.Reply {
        var shown = Answer.Reply(text: "", images: [], sounds: [])
        for part in message.parts {
            switch part {
            case .text(let text): shown.text += text
            case .mention(let id): shown.text += id == user.id ? "@\(user.displayName)" : "@\(id)"
            case .image(let source): shown.images.append(address(of: source, kind: ImageSignature.mimeType))
            case .voice(let source): shown.sounds.append(address(of: source, kind: SoundSignature.mimeType))
            case .forward(let nodes):
                for node in nodes {
                    let inner = reply(node.message, naming: user)
                    shown.text += (shown.text.isEmpty ? "" : "\n") + inner.text
                    shown.images += inner.images
                    shown.sounds += inner.sounds
                }
            case .reply: break
            }
        }
        return shown
    }

    private static func address(of source: MediaSource, kind: (Data) -> String?) -> String {
        switch source {
        case .url(let url): url.absoluteString
        case .data(let data, _): "data:\(kind(data) ?? "application/octet-stream");base64,\(data.base64EncodedString())"
        }
    }
}

/// The kind of a sound clip by its first bytes, for a browser's `<audio>`.
enum SoundSignature {
    static func mimeType(of data: Data) -> String? {
        let head = [UInt8](data.prefix(12))
        if head.starts(with: Array("OggS".utf8)) { return "audio/ogg" }
        if head.starts(with: Array("ID3".utf8)) || head.starts(with: [0xFF, 0xFB]) || head.starts(with: [0xFF, 0xF3]) { return "audio/mpeg" }
        if head.count == 12, head.starts(with: Array("RIFF".utf8)), head[8..<12].elementsEqual("WAVE".utf8) { return "audio/wav" }
        if head.starts(with: Array("#!AMR".utf8)) { return "audio/amr" }
        return nil
    }
}
