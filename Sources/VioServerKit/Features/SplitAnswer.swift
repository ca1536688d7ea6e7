import Foundation
import VioCore

/// A QQ answer longer than `limit` characters in several messages, each sent as soon as it is
/// complete while the rest still streams: cut at the last paragraph break (a blank line) that
/// fits, else at the last sentence end, else at the limit; never inside a CQ code, and between
/// characters (an emoji or any grapheme stays whole). A shorter answer stays one message.
///
/// ```swift
/// let delivery = SplitAnswer(context: context, limit: 600)
/// try await delivery.add(longPiece)        // sends what is complete
/// try await delivery.finish(wholeAnswer)   // sends the rest
/// ```
final class SplitAnswer: AnswerDelivery {
    let context: BotContext
    let limit: Int
    private var pending = ""
    private var sentAny = false

    init(context: BotContext, limit: Int) {
        self.context = context
        self.limit = limit
    }

    func add(_ piece: String) async throws {
        pending += piece
        while pending.count > limit {
            let (head, rest) = Self.split(pending, limit: limit)
            pending = rest
            guard !head.isEmpty else { continue }
            try await context.say(head)
            sentAny = true
        }
    }

    func finish(_ answer: String) async throws {
        let rest = sentAny ? pending.trimmingCharacters(in: .whitespacesAndNewlines) : answer
        if !rest.isEmpty { try await context.say(rest) }
    }

    /// The first message of `text` (trimmed) and what follows it (leading blanks dropped).
    static func split(_ text: String, limit: Int) -> (head: String, rest: String) {
        let cut = Self.cut(text, limit: limit)
        let head = text[..<cut].trimmingCharacters(in: .whitespacesAndNewlines)
        let rest = String(text[cut...].drop { $0.isWhitespace })
        return (head, rest)
    }

    private static let sentenceEnds: Set<Character> = ["。", "！", "？", "!", "?", "…", "；", ";", "\n"]

    /// Where the first message of `text` ends: within its first `limit` characters.
    private static func cut(_ text: String, limit: Int) -> String.Index {
        let end = text.index(text.startIndex, offsetBy: limit, limitedBy: text.endIndex) ?? text.endIndex
        let window = text[..<end]
        var cut = window.range(of: "\n\n", options: .backwards).map(\.upperBound)
            ?? lastSentenceEnd(in: window)
            ?? end
        // Inside a CQ code (`[CQ:image,file=…]`): cut before it, or after it when it is the whole head.
        if let open = text[..<cut].range(of: "[CQ:", options: .backwards), !text[open.upperBound..<cut].contains("]") {
            if open.lowerBound > text.startIndex {
                cut = open.lowerBound
            } else {
                cut = text[open.upperBound...].firstIndex(of: "]").map { text.index(after: $0) } ?? text.endIndex
            }
        }
        return cut
    }

    /// Just after the last sentence end of `window`: a full stop, a question or exclamation mark,
    /// a line break, or a `.` followed by a space.
    private static func lastSentenceEnd(in window: Substring) -> String.Index? {
        var index = window.endIndex
        while index > window.startIndex {
            let previous = window.index(before: index)
            let character = window[previous]
            if sentenceEnds.contains(character) { return index }
            if character == ".", index < window.endIndex, window[index].isWhitespace { return index }
            index = previous
        }
        return nil
    }
}
