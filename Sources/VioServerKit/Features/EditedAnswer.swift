import Foundation
import TelegramKit
import VioCore

/// A Telegram answer that grows: a first message as soon as there is text, then `editMessageText`
/// at most once per `interval` and once at the end with the whole answer, its Markdown formatted
/// (only then: half-written markup would flicker). Past a message's 4096 characters the answer
/// goes on in a new message. An edit that fails while the answer streams is logged and the next
/// one catches up; the last one's failure is thrown.
///
/// ```swift
/// let delivery = EditedAnswer(context: context, interval: .seconds(1))
/// for piece in ["你", "好"] { try await delivery.add(piece) }
/// try await delivery.finish("你好")
/// ```
final class EditedAnswer: AnswerDelivery {
    let context: BotContext
    let interval: Duration
    /// Telegram's longest message, in UTF-16 units as it counts them.
    static let pageLimit = 4096
    private var text = ""
    /// Each message sent so far and the text it shows.
    private var shown: [(id: ID?, text: String)] = []
    private var lastShown: ContinuousClock.Instant?

    init(context: BotContext, interval: Duration) {
        self.context = context
        self.interval = interval
    }

    func add(_ piece: String) async throws {
        text += piece
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return }
        if let lastShown, ContinuousClock.now - lastShown < interval { return }
        do {
            try await show(trimmed)
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            context.logger.warning("a streaming answer's edit failed; the next one catches up", metadata: ["error": "\(error)"])
        }
    }

    func finish(_ answer: String) async throws {
        try await show(answer, formatted: true)
    }

    /// Brings the messages to `text`: edits those whose page changed (or, `formatted`, whose
    /// Markdown shows differently), sends the pages not sent yet.
    private func show(_ text: String, formatted: Bool = false) async throws {
        lastShown = .now
        for (index, page) in Self.pages(of: text).enumerated() {
            if index == shown.count {
                shown.append((try await context.reply(OutgoingMessage(stringLiteral: page)), page))
            }
            let formats = formatted && Self.readsDifferentlyFormatted(page)
            guard shown[index].text != page || formats, let id = shown[index].id else { continue }
            if formats {
                try await context.actions.edit(message: id, in: context.chat, markdown: page)
            } else {
                try await context.actions.edit(message: id, in: context.chat, text: page)
            }
            shown[index].text = page
        }
    }

    /// Whether Telegram shows `page` differently once its Markdown is read (anything styled, a
    /// bullet, an escape), so the last edit is worth its request.
    static func readsDifferentlyFormatted(_ page: String) -> Bool {
        let formatted = FormattedText(markdown: page)
        return !formatted.isPlain || formatted.plainText != page
    }

    /// `text` in pieces that each fit one message, cut between characters (never inside an emoji).
    static func pages(of text: String) -> [String] {
        var pages: [String] = []
        var page = ""
        var units = 0
        for character in text {
            let size = character.utf16.count
            if units + size > pageLimit, !page.isEmpty {
                pages.append(page)
                page = ""
                units = 0
            }
            page.append(character)
            units += size
        }
        if !page.isEmpty { pages.append(page) }
        return pages
    }
}
