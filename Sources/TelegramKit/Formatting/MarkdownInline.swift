/// The reading of Markdown within a line (or a quote's lines): code spans, emphasis, struck text,
/// links and backslash escapes. A marker without its partner is kept as text.
struct MarkdownInline {
    private let characters: [Character]

    static func spans(of text: Substring) -> [FormattedText.Span] {
        let reader = MarkdownInline(characters: Array(text))
        return FormattedText.Span.merged(reader.spans(in: 0..<reader.characters.count))
    }

    private func spans(in range: Range<Int>) -> [FormattedText.Span] {
        var spans: [FormattedText.Span] = []
        var plain = ""
        var index = range.lowerBound
        while index < range.upperBound {
            let character = characters[index]
            if let (span, end) = markup(at: index, before: range.upperBound) {
                spans.append(.plain(plain))
                plain = ""
                spans.append(span)
                index = end
            } else if character == "\\", index + 1 < range.upperBound, Self.isEscapable(characters[index + 1]) {
                plain.append(characters[index + 1])
                index += 2
            } else {
                // A run of markers that opened nothing stays text as a whole, so `**a*` is not read as `*a*`.
                let run = Self.markers.contains(character) ? self.run(at: index, before: range.upperBound) : 1
                plain += String(characters[index..<index + run])
                index += run
            }
        }
        spans.append(.plain(plain))
        return spans
    }

    /// The span that starts at `index` and where it ends, if one does.
    private func markup(at index: Int, before end: Int) -> (FormattedText.Span, Int)? {
        switch characters[index] {
        case "`": code(at: index, before: end)
        case "*", "_", "~": emphasis(at: index, before: end)
        case "[": link(at: index, before: end)
        case "!" where index + 1 < end && characters[index + 1] == "[": link(at: index + 1, before: end)
        case "<": autolink(at: index, before: end)
        default: nil
        }
    }

    private static let markers: Set<Character> = ["`", "*", "_", "~"]

    private func run(at index: Int, before end: Int) -> Int {
        var length = 1
        while index + length < end, characters[index + length] == characters[index] { length += 1 }
        return length
    }

    /// `` `code` ``: up to the next run of as many backticks, one space trimmed from each end.
    private func code(at index: Int, before end: Int) -> (FormattedText.Span, Int)? {
        let length = run(at: index, before: end)
        guard let close = closingCode(from: index + length, length: length, before: end) else { return nil }
        var text = characters[index + length..<close]
        if text.count > 1, text.first == " ", text.last == " ", text.contains(where: { $0 != " " }) {
            text = text.dropFirst().dropLast()
        }
        return (.code(String(text)), close + length)
    }

    private func closingCode(from start: Int, length: Int, before end: Int) -> Int? {
        var index = start
        while index < end {
            guard characters[index] == "`" else {
                index += 1
                continue
            }
            let found = run(at: index, before: end)
            if found == length { return index }
            index += found
        }
        return nil
    }

    /// `*a*`, `_a_`, `**a**`, `__a__`, `***a***` and `~~a~~`: up to the next run of the same length
    /// that can close it, skipping code spans and escapes on the way.
    private func emphasis(at index: Int, before end: Int) -> (FormattedText.Span, Int)? {
        let marker = characters[index]
        let length = run(at: index, before: end)
        let opensInside = index + length < end && !characters[index + length].isWhitespace
        let opensAtWordStart = marker != "_" || index == 0 || !Self.isWordCharacter(characters[index - 1])
        guard length <= 3, marker != "~" || length == 2, opensInside, opensAtWordStart else { return nil }
        var probe = index + length
        while probe < end {
            let character = characters[probe]
            if character == "\\" {
                probe += 2
            } else if character == "`", let (_, after) = code(at: probe, before: end) {
                probe = after
            } else if character == marker {
                let found = run(at: probe, before: end)
                if found == length, canClose(at: probe, length: length, before: end) {
                    let inner = spans(in: index + length..<probe)
                    return (Self.styled(marker: marker, length: length, inner), probe + length)
                }
                probe += found
            } else {
                probe += 1
            }
        }
        return nil
    }

    private func canClose(at index: Int, length: Int, before end: Int) -> Bool {
        guard !characters[index - 1].isWhitespace else { return false }
        let after = index + length
        return characters[index] != "_" || after >= end || !Self.isWordCharacter(characters[after])
    }

    private static func styled(marker: Character, length: Int, _ inner: [FormattedText.Span]) -> FormattedText.Span {
        switch (marker, length) {
        case ("~", _): .styled(.strikethrough, inner)
        case (_, 1): .styled(.italic, inner)
        case (_, 2): .styled(.bold, inner)
        default: .styled(.bold, [.styled(.italic, inner)])
        }
    }

    /// `[text](url)` (and an image's `![alt](url)`, shown as a link): only to web and `tg:`
    /// addresses, which Telegram accepts; an optional `"title"` after the address is dropped.
    private func link(at index: Int, before end: Int) -> (FormattedText.Span, Int)? {
        guard let close = closingBracket(from: index + 1, before: end),
              close + 1 < end, characters[close + 1] == "(",
              let parenthesis = closingParenthesis(from: close + 2, before: end) else { return nil }
        let target = String(characters[close + 2..<parenthesis]).split(separator: " ", maxSplits: 1).first.map(String.init) ?? ""
        guard Self.isLinkable(target) else { return nil }
        let label = close > index + 1 ? spans(in: index + 1..<close) : [.plain(target)]
        return (.link(FormattedText.Span.merged(label), url: target), parenthesis + 1)
    }

    private func closingBracket(from start: Int, before end: Int) -> Int? {
        var depth = 0
        var index = start
        while index < end {
            switch characters[index] {
            case "\\": index += 1
            case "[": depth += 1
            case "]" where depth == 0: return index
            case "]": depth -= 1
            default: break
            }
            index += 1
        }
        return nil
    }

    private func closingParenthesis(from start: Int, before end: Int) -> Int? {
        var depth = 0
        for index in start..<max(start, end) {
            switch characters[index] {
            case "(": depth += 1
            case ")" where depth == 0: return index
            case ")": depth -= 1
            default: break
            }
        }
        return nil
    }

    /// `<https://…>`: the address as its own link.
    private func autolink(at index: Int, before end: Int) -> (FormattedText.Span, Int)? {
        guard let close = characters[index + 1..<end].firstIndex(of: ">") else { return nil }
        let target = String(characters[index + 1..<close])
        guard Self.isLinkable(target), !target.contains(" ") else { return nil }
        return (.link([.plain(target)], url: target), close + 1)
    }

    private static func isLinkable(_ target: String) -> Bool {
        let lowered = target.lowercased()
        return ["https://", "http://", "tg://"].contains { lowered.hasPrefix($0) && lowered.count > $0.count }
    }

    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber
    }

    private static func isEscapable(_ character: Character) -> Bool {
        character.isASCII && (character.isPunctuation || character.isSymbol)
    }
}
