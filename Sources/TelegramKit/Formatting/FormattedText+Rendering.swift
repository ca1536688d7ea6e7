extension FormattedText {
    /// The text for `parse_mode: HTML`.
    public var html: String {
        spans.map(Self.html).joined()
    }

    /// The text for `parse_mode: MarkdownV2`.
    ///
    /// Italic directly around underline (`___…___`) is ambiguous in MarkdownV2; prefer ``html`` for
    /// such nesting.
    public var markdownV2: String {
        spans.map(Self.markdownV2).joined()
    }

    /// The text as the reader sees it, without markup.
    public var plainText: String {
        spans.map(Self.plainText).joined()
    }

    private static func html(_ span: Span) -> String {
        switch span {
        case .plain(let text):
            return HTMLEscaping.escape(text)
        case .styled(let style, let inner):
            let tag = htmlTag(style)
            return "<\(tag)>" + inner.map(html).joined() + "</\(tag)>"
        case .code(let text):
            return "<code>" + HTMLEscaping.escape(text) + "</code>"
        case .pre(let text, let language):
            let code = HTMLEscaping.escape(text)
            guard let language else { return "<pre>" + code + "</pre>" }
            return "<pre><code class=\"language-\(HTMLEscaping.escapeAttribute(language))\">" + code + "</code></pre>"
        case .link(let inner, let url):
            return "<a href=\"\(HTMLEscaping.escapeAttribute(url))\">" + inner.map(html).joined() + "</a>"
        case .mention(let inner, let userID):
            return "<a href=\"tg://user?id=\(userID)\">" + inner.map(html).joined() + "</a>"
        }
    }

    private static func htmlTag(_ style: Style) -> String {
        switch style {
        case .bold: "b"
        case .italic: "i"
        case .underline: "u"
        case .strikethrough: "s"
        case .spoiler: "tg-spoiler"
        case .blockquote: "blockquote"
        }
    }

    private static func markdownV2(_ span: Span) -> String {
        switch span {
        case .plain(let text):
            return MarkdownV2.escape(text)
        case .styled(.blockquote, let inner):
            return inner.map(markdownV2).joined().split(separator: "\n", omittingEmptySubsequences: false)
                .map { ">" + $0 }.joined(separator: "\n")
        case .styled(let style, let inner):
            let marker = markdownMarker(style)
            return marker + inner.map(markdownV2).joined() + marker
        case .code(let text):
            return "`" + MarkdownV2.escapeCode(text) + "`"
        case .pre(let text, let language):
            return "```" + (language ?? "") + "\n" + MarkdownV2.escapeCode(text) + "\n```"
        case .link(let inner, let url):
            return "[" + inner.map(markdownV2).joined() + "](" + MarkdownV2.escapeLinkURL(url) + ")"
        case .mention(let inner, let userID):
            return "[" + inner.map(markdownV2).joined() + "](tg://user?id=\(userID))"
        }
    }

    private static func markdownMarker(_ style: Style) -> String {
        switch style {
        case .bold: "*"
        case .italic: "_"
        case .underline: "__"
        case .strikethrough: "~"
        case .spoiler: "||"
        case .blockquote: ">"
        }
    }

    private static func plainText(_ span: Span) -> String {
        switch span {
        case .plain(let text), .code(let text), .pre(let text, _):
            text
        case .styled(_, let inner), .link(let inner, _), .mention(let inner, _):
            inner.map(plainText).joined()
        }
    }
}
