import Testing
@testable import TelegramKit

@Suite struct FormattingTests {
    @Test(arguments: [
        ("plain words", "plain words"),
        ("_*[]()~`>#+-=|{}.!", ##"\_\*\[\]\(\)\~\`\>\#\+\-\=\|\{\}\.\!"##),
        (#"back\slash"#, #"back\\slash"#),
        ("1.5 + 2 = 3.5!", #"1\.5 \+ 2 \= 3\.5\!"#),
        ("😂 héllo, мир: ok?", "😂 héllo, мир: ok?"),
        ("a_b*c", #"a\_b\*c"#),
    ])
    func markdownV2EscapesExactlyTheListedCharacters(text: String, escaped: String) {
        #expect(MarkdownV2.escape(text) == escaped)
    }

    @Test func markdownV2CodeAndLinkRules() {
        #expect(MarkdownV2.escapeCode(#"let x = `a` + "\n" // *ok*"#) == #"let x = \`a\` + "\\n" // *ok*"#)
        #expect(MarkdownV2.escapeLinkURL(#"https://e.com/a_(b)\c"#) == #"https://e.com/a_(b\)\\c"#)
    }

    @Test func htmlEscapesOnlyTheThreeCharacters() {
        #expect(HTMLEscaping.escape(#"<b> & "quotes" 'x' 😂"#) == #"&lt;b&gt; &amp; "quotes" 'x' 😂"#)
        #expect(HTMLEscaping.escapeAttribute(#"https://e.com/?a=1&b="2""#) == "https://e.com/?a=1&amp;b=&quot;2&quot;")
    }

    @Test func builderRendersHTMLWithEverythingEscaped() {
        let text = FormattedText {
            FormattedText.bold("Score")
            ": 3 < 5 & "
            FormattedText.italic(.bold("nested") + " <i>")
            " "
            FormattedText.code("a<b")
            FormattedText.link("docs", url: "https://e.com/?a=1&b=2")
            FormattedText.mention("Ann", userID: 42)
            FormattedText.pre("x > 1", language: "swift")
        }
        #expect(text.html == #"<b>Score</b>: 3 &lt; 5 &amp; <i><b>nested</b> &lt;i&gt;</i> <code>a&lt;b</code><a href="https://e.com/?a=1&amp;b=2">docs</a><a href="tg://user?id=42">Ann</a><pre><code class="language-swift">x &gt; 1</code></pre>"#)
        #expect(text.plainText == "Score: 3 < 5 & nested <i> a<bdocsAnnx > 1")
    }

    @Test func builderRendersMarkdownV2() {
        let text: FormattedText = "Hi, " + .bold("Ann (admin)") + "! " + .spoiler("v1.0") + " " + .link("site", url: "https://e.com/(x)")
            + " " + .code("a`b") + "\n" + .blockquote("line 1\nline 2.")
        #expect(text.markdownV2 == #"Hi, *Ann \(admin\)*\! ||v1\.0|| [site](https://e.com/(x\)) `a\`b`"# + "\n" + #">line 1"# + "\n" + #">line 2\."#)
    }

    @Test func captionsAndMessagesFromTheBuilderAreHTML() {
        let message = SendMessage(chatID: 1, formatted: "a<" + .bold("b"))
        #expect(message.text == "a&lt;<b>b</b>")
        #expect(message.parseMode == .html)
        #expect(Caption(.italic("x")) == Caption("<i>x</i>", parseMode: .html))
    }
}
