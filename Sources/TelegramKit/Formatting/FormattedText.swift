/// Text with formatting, written without escaping anything by hand, rendered as HTML or MarkdownV2.
///
/// Build it with `+` or with the builder; every piece of plain text is escaped when rendered:
///
/// ```swift
/// let greeting: FormattedText = "Hello, " + .bold(user.firstName) + "! Read " + .link("the docs", url: docsURL)
/// let report = FormattedText {
///     FormattedText.bold("Result")
///     ": 3 < 5 & so on"
///     FormattedText.code("x = 1")
/// }
/// try await client.call(SendMessage(chatID: chat, formatted: report))   // sent as HTML
/// ```
public struct FormattedText: Hashable, Sendable, ExpressibleByStringLiteral {
    /// One styled run of text.
    public indirect enum Span: Hashable, Sendable {
        case plain(String)
        case styled(Style, [Span])
        case code(String)
        case pre(String, language: String?)
        case link([Span], url: String)
        /// A mention of a user by id, also for users without a username.
        case mention([Span], userID: Int64)
    }

    /// The styles that wrap other spans.
    public enum Style: Hashable, Sendable {
        case bold, italic, underline, strikethrough, spoiler, blockquote
    }

    public var spans: [Span]

    public init(spans: [Span] = []) {
        self.spans = spans
    }

    public init(_ text: String) {
        self.init(spans: [.plain(text)])
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }

    public init(@FormattedTextBuilder _ build: () -> FormattedText) {
        self = build()
    }

    public static func + (lhs: FormattedText, rhs: FormattedText) -> FormattedText {
        FormattedText(spans: lhs.spans + rhs.spans)
    }

    public static func bold(_ text: FormattedText) -> FormattedText { text.wrapped(in: .bold) }
    public static func italic(_ text: FormattedText) -> FormattedText { text.wrapped(in: .italic) }
    public static func underline(_ text: FormattedText) -> FormattedText { text.wrapped(in: .underline) }
    public static func strikethrough(_ text: FormattedText) -> FormattedText { text.wrapped(in: .strikethrough) }
    public static func spoiler(_ text: FormattedText) -> FormattedText { text.wrapped(in: .spoiler) }
    public static func blockquote(_ text: FormattedText) -> FormattedText { text.wrapped(in: .blockquote) }

    public static func bold(_ text: String) -> FormattedText { bold(FormattedText(text)) }
    public static func italic(_ text: String) -> FormattedText { italic(FormattedText(text)) }
    public static func underline(_ text: String) -> FormattedText { underline(FormattedText(text)) }
    public static func strikethrough(_ text: String) -> FormattedText { strikethrough(FormattedText(text)) }
    public static func spoiler(_ text: String) -> FormattedText { spoiler(FormattedText(text)) }
    public static func blockquote(_ text: String) -> FormattedText { blockquote(FormattedText(text)) }

    public static func code(_ text: String) -> FormattedText { FormattedText(spans: [.code(text)]) }

    public static func pre(_ text: String, language: String? = nil) -> FormattedText {
        FormattedText(spans: [.pre(text, language: language)])
    }

    public static func link(_ text: FormattedText, url: String) -> FormattedText {
        FormattedText(spans: [.link(text.spans, url: url)])
    }

    public static func mention(_ text: FormattedText, userID: Int64) -> FormattedText {
        FormattedText(spans: [.mention(text.spans, userID: userID)])
    }

    public static func link(_ text: String, url: String) -> FormattedText { link(FormattedText(text), url: url) }
    public static func mention(_ text: String, userID: Int64) -> FormattedText { mention(FormattedText(text), userID: userID) }

    private func wrapped(in style: Style) -> FormattedText {
        FormattedText(spans: [.styled(style, spans)])
    }
}

/// Joins strings and ``FormattedText`` pieces, one per line of the block, into one text.
@resultBuilder
public enum FormattedTextBuilder {
    public static func buildExpression(_ text: String) -> FormattedText { FormattedText(text) }
    public static func buildExpression(_ text: FormattedText) -> FormattedText { text }
    public static func buildBlock(_ parts: FormattedText...) -> FormattedText { FormattedText(spans: parts.flatMap(\.spans)) }
    public static func buildOptional(_ part: FormattedText?) -> FormattedText { part ?? FormattedText() }
    public static func buildEither(first part: FormattedText) -> FormattedText { part }
    public static func buildEither(second part: FormattedText) -> FormattedText { part }
    public static func buildArray(_ parts: [FormattedText]) -> FormattedText { FormattedText(spans: parts.flatMap(\.spans)) }
}
