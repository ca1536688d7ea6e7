import Foundation
import OpenAIClient
import VioCore

/// What a user said to the chat model: the content sent (text, and pictures when the model sees
/// them) and the text memory keeps of it, `[图片]` where a picture was.
struct UserTurn: Sendable, Equatable {
    var content: MessageContent
    var remembered: String

    init(content: MessageContent, remembered: String) {
        self.content = content
        self.remembered = remembered
    }

    /// Text alone, sent and remembered as it is.
    init(text: String) {
        self.init(content: .text(text), remembered: text)
    }
}

/// The pictures of a message to the chat model (`VIO_VISION`): those of the message it quotes,
/// then its own, downloaded by the server and sent inline as `data:` URLs (a QQ picture link
/// expires and is often unreachable from the provider; a Telegram file link holds the bot token).
///
/// A picture over `VIO_VISION_MAX_BYTES`, that fails to download or is not a picture is left out,
/// `[图片]` in its place, and the log says why.
///
/// ```swift
/// let seen = await ChatVision(maxBytes: 5 << 20, transport: transport).turn(text: "这是什么？", in: context)
/// // seen.turn.content: the text, then an image_url part per picture; seen.missed: those left out
/// ```
struct ChatVision: Sendable {
    let maxBytes: Int
    let transport: any HTTPTransport
    /// How long one picture's download may take.
    static let downloadTimeout = Duration.seconds(15)

    /// A turn and how many of its pictures were left out.
    struct Seen: Sendable {
        var turn: UserTurn
        var missed: Int
    }

    /// `text` and the pictures of the context's message and of the one it quotes.
    func turn(text: String, in context: BotContext) async -> Seen {
        let pictures = await Self.quotedPictures(in: context) + Self.pictures(in: context.message)
        guard !pictures.isEmpty else { return Seen(turn: UserTurn(text: text), missed: 0) }
        var parts: [ContentPart] = text.isEmpty ? [] : [.text(text)]
        var missed = 0
        for picture in pictures {
            do {
                parts.append(.imageURL(try await dataURL(of: picture, in: context)))
            } catch is CancellationError {
                break
            } catch {
                missed += 1
                parts.append(.text(Self.placeholder))
                context.logger.warning("a picture for the chat model was left out", metadata: ["error": "\(error)"])
            }
        }
        let remembered = text + String(repeating: Self.placeholder, count: pictures.count)
        return Seen(turn: UserTurn(content: .parts(parts), remembered: remembered), missed: missed)
    }

    /// What memory keeps, and the model reads, where a picture was.
    static let placeholder = "[图片]"

    /// Whether the message holds a picture.
    static func hasPictures(_ message: InboundMessage) -> Bool {
        !pictures(in: message).isEmpty
    }

    private struct Picture {
        var url: URL?
        var fileID: String?
    }

    private static func pictures(in message: InboundMessage) -> [Picture] {
        message.parts.compactMap { part in
            if case .image(let url, let fileID) = part { return Picture(url: url, fileID: fileID) }
            return nil
        }
    }

    /// The pictures of the quoted message; none when it can't be had (the log says why).
    private static func quotedPictures(in context: BotContext) async -> [Picture] {
        guard context.message.replyTo != nil else { return [] }
        do {
            return try await context.quotedMessage().map(pictures(in:)) ?? []
        } catch {
            context.logger.info("the quoted message's pictures were not read", metadata: ["error": "\(error)"])
            return []
        }
    }

    /// The picture as a `data:<mime>;base64,…` URL.
    private func dataURL(of picture: Picture, in context: BotContext) async throws -> String {
        let data: Data
        if let fileID = picture.fileID {
            data = try await context.actions.downloadFile(id: fileID, maxBytes: maxBytes)
        } else if let url = picture.url, url.scheme == "http" || url.scheme == "https" {
            let response = try await transport.send(HTTPRequest(url: url, timeout: Self.downloadTimeout, maximumBodySize: maxBytes))
            guard response.isSuccess else { throw PictureUnreadable(reason: "HTTP \(response.status) from \(url.host ?? "its host")") }
            data = response.body
        } else {
            throw PictureUnreadable(reason: "the platform gave no link to it")
        }
        guard let mime = ImageSignature.mimeType(of: data) else {
            throw PictureUnreadable(reason: "\(data.count) bytes that are not a JPEG, PNG, GIF or WebP picture")
        }
        return "data:\(mime);base64,\(data.base64EncodedString())"
    }
}

/// Why a picture was left out: for the log.
private struct PictureUnreadable: Error, CustomStringConvertible {
    let reason: String
    var description: String { reason }
}

/// The kind of a picture by its first bytes: what the bytes are, whatever a server's
/// `Content-Type` says (QQ's picture servers often say `application/octet-stream`).
enum ImageSignature {
    static func mimeType(of data: Data) -> String? {
        let head = [UInt8](data.prefix(12))
        if head.starts(with: [0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        if head.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "image/png" }
        if head.starts(with: Array("GIF8".utf8)) { return "image/gif" }
        if head.count == 12, head.starts(with: Array("RIFF".utf8)), head[8..<12].elementsEqual("WEBP".utf8) { return "image/webp" }
        return nil
    }
}
