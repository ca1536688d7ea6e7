extension FormattedText {
    /// Reads the Markdown chat models write (GitHub-flavoured, as far as Telegram can show it):
    /// `**bold**`, `*italic*` and `_italic_`, `~~struck~~`, `` `code` ``, fenced code blocks with
    /// their language, `[links](https://…)`, `> quotes`, headings (shown bold) and `-`/`*` bullets
    /// (shown as `•`). Whatever is not well formed (a lone `*`, `snake_case`, `2 * 3`, a link to
    /// something that is not a web or `tg:` address) stays as it was written, so no text is lost.
    ///
    /// ```swift
    /// let answer = FormattedText(markdown: "**Swift** has `async let`:\n```swift\nasync let a = f()\n```")
    /// try await client.call(SendMessage(chatID: chat, formatted: answer))
    /// ```
    public init(markdown: String) {
        self.init(spans: MarkdownBlocks.spans(of: markdown))
    }

    /// Whether nothing in the text is styled: it reads the same without markup.
    public var isPlain: Bool {
        spans.allSatisfy { if case .plain = $0 { true } else { false } }
    }
}

/// The line-level reading of Markdown: code fences, quotes, headings and bullets; the rest of each
/// line goes to ``MarkdownInline``. Lines are kept as they were, joined by their line breaks.
enum MarkdownBlocks {
    static func spans(of markdown: String) -> [FormattedText.Span] {
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        var spans: [FormattedText.Span] = []
        var index = 0
        while index < lines.count {
            if index > 0 { spans.append(.plain("\n")) }
            let line = lines[index]
            index += 1
            if let fence = CodeFence(opening: line) {
                var body: [Substring] = []
                while index < lines.count, !fence.isClosed(by: lines[index]) {
                    body.append(fence.unindented(lines[index]))
                    index += 1
                }
                index += 1
                spans.append(.pre(body.joined(separator: "\n"), language: fence.language))
            } else if let quoted = quotedText(line) {
                var quote = [quoted]
                while index < lines.count, let more = quotedText(lines[index]) {
                    quote.append(more)
                    index += 1
                }
                spans.append(.styled(.blockquote, MarkdownInline.spans(of: Substring(quote.joined(separator: "\n")))))
            } else if let heading = headingText(line) {
                spans.append(.styled(.bold, MarkdownInline.spans(of: heading)))
            } else if isRule(line) {
                spans.append(.plain(String(line)))
            } else {
                spans += MarkdownInline.spans(of: bulleted(line))
            }
        }
        return FormattedText.Span.merged(spans)
    }

    /// The text of a `> quote` line.
    private static func quotedText(_ line: Substring) -> Substring? {
        let rest = line.drop { $0 == " " }
        guard rest.first == ">" else { return nil }
        let text = rest.dropFirst()
        return text.first == " " ? text.dropFirst() : text
    }

    /// The title of a `## heading` line, without its closing `#`s.
    private static func headingText(_ line: Substring) -> Substring? {
        let rest = line.drop { $0 == " " }
        let level = rest.prefix { $0 == "#" }.count
        guard (1...6).contains(level) else { return nil }
        let title = rest.dropFirst(level)
        guard title.isEmpty || title.first == " " else { return nil }
        let trimmed = title.trimmingSpaces
        guard !trimmed.isEmpty else { return nil }
        let closing = trimmed.reversed().prefix { $0 == "#" }.count
        guard closing > 0, closing < trimmed.count, trimmed.dropLast(closing).last == " " else { return trimmed }
        return trimmed.dropLast(closing).trimmingSpaces
    }

    /// `---`, `***` or `___`: a rule, kept as written rather than read as a bullet or emphasis.
    private static func isRule(_ line: Substring) -> Bool {
        let marks = line.filter { $0 != " " }
        guard marks.count >= 3, let mark = marks.first, "-*_".contains(mark) else { return false }
        return marks.allSatisfy { $0 == mark }
    }

    /// A `- item`, `* item` or `+ item` line with a bullet in place of its marker.
    private static func bulleted(_ line: Substring) -> Substring {
        let indent = line.prefix { $0 == " " }
        let rest = line.dropFirst(indent.count)
        guard let marker = rest.first, "-*+".contains(marker), rest.dropFirst().first == " " else { return line }
        return Substring(indent + "•" + rest.dropFirst())
    }
}

/// A line opening a fenced code block: three or more backticks or tildes, then maybe the language.
private struct CodeFence {
    let mark: Character
    let length: Int
    let indent: Int
    let language: String?

    init?(opening line: Substring) {
        let indented = line.prefix { $0 == " " }.count
        let rest = line.dropFirst(indented)
        guard let mark = rest.first, mark == "`" || mark == "~" else { return nil }
        let length = rest.prefix { $0 == mark }.count
        let info = rest.dropFirst(length).trimmingSpaces
        // Only a language name may follow, so a line of other text after backticks stays text.
        guard length >= 3, info.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-#._".contains($0)) }) else { return nil }
        self.mark = mark
        self.length = length
        self.indent = indented
        self.language = info.isEmpty ? nil : String(info)
    }

    func isClosed(by line: Substring) -> Bool {
        let rest = line.trimmingSpaces
        return rest.count >= length && rest.allSatisfy { $0 == mark }
    }

    /// A line of the block without the fence's own indentation.
    func unindented(_ line: Substring) -> Substring {
        line.dropFirst(min(indent, line.prefix { $0 == " " }.count))
    }
}

extension FormattedText.Span {
    /// The spans with neighbouring plain texts joined, as one would write them.
    static func merged(_ spans: [Self]) -> [Self] {
        var merged: [Self] = []
        for span in spans {
            if case .plain(let text) = span {
                if text.isEmpty { continue }
                if case .plain(let previous) = merged.last {
                    merged[merged.count - 1] = .plain(previous + text)
                    continue
                }
            }
            merged.append(span)
        }
        return merged
    }
}

extension Substring {
    /// Without the spaces at either end.
    var trimmingSpaces: Substring {
        var trimmed = drop { $0 == " " }
        while trimmed.last == " " { trimmed = trimmed.dropLast() }
        return trimmed
    }
}
