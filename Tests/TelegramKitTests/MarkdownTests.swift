import Testing
@testable import TelegramKit

/// `FormattedText(markdown:)`: what chat models write, shown as Telegram can.
@Suite struct MarkdownTests {
    @Test(arguments: [
        ("**粗体** and *斜体* and _it_ and ~~删~~ and `a<b`",
         "<b>粗体</b> and <i>斜体</i> and <i>it</i> and <s>删</s> and <code>a&lt;b</code>"),
        ("**粗 *斜* 粗** ***都*** **`code`** *a __b__ c*",
         "<b>粗 <i>斜</i> 粗</b> <b><i>都</i></b> <b><code>code</code></b> <i>a <b>b</b> c</i>"),
        ("看：\n```swift\nlet x = 1 < 2\n\n```\n完",
         "看：\n<pre><code class=\"language-swift\">let x = 1 &lt; 2\n</code></pre>\n完"),
        ("1. 步骤：\n   ```\n   make\n   ```", "1. 步骤：\n<pre>make</pre>"),
        ("```\n没有结尾的代码", "<pre>没有结尾的代码</pre>"),
        ("[文档](https://e.com/a_(b) \"title\") 和 <https://x.y/?q=1> 和 ![图](https://e.com/p.png)",
         "<a href=\"https://e.com/a_(b)\">文档</a> 和 <a href=\"https://x.y/?q=1\">https://x.y/?q=1</a> 和 <a href=\"https://e.com/p.png\">图</a>"),
        ("## 标题 ##\n- 一\n  * 二\n> 引用\n>两行\n正文",
         "<b>标题</b>\n• 一\n  • 二\n<blockquote>引用\n两行</blockquote>\n正文"),
        ("``a ` b`` 和 ` x `", "<code>a ` b</code> 和 <code>x</code>"),
    ])
    func modelMarkdownBecomesTelegramHTML(markdown: String, html: String) {
        #expect(FormattedText(markdown: markdown).html == html)
    }

    @Test(arguments: [
        "snake_case_name 和 __init__方法", "2 * 3 * 4", "好的~ 再见~~", "**没有结尾", "*a\nb*", "[x](javascript:alert(1))",
        "[只有方括号]", "a ` b", "---", "C# 和 F#", "#话题", "1. 第一", "<不是链接>", "价格 $5 * 2",
    ])
    func whatIsNotWellFormedStaysAsWritten(text: String) {
        let formatted = FormattedText(markdown: text)
        #expect(formatted.isPlain)
        #expect(formatted.plainText == text)
    }

    @Test func escapesAndBulletsChangeTheTextWithoutStylingIt() {
        let formatted = FormattedText(markdown: "\\*不是斜体\\* \\_\n- 项")
        #expect(formatted.isPlain)
        #expect(formatted.plainText == "*不是斜体* _\n• 项")
    }

    @Test func aRunOfMarkersThatOpensNothingIsNotReadAsAShorterOne() {
        #expect(FormattedText(markdown: "**a*").plainText == "**a*")
        #expect(FormattedText(markdown: "**a*").isPlain)
    }

    /// Random text of markdown's own characters, letters among them: reading never fails and no
    /// letter is lost (none of it can form a link address, the only thing reading drops).
    @Test func noLetterOfRandomMarkupIsLost() {
        let alphabet: [Character] = ["*", "_", "`", "~", "[", "]", "(", ")", "<", ">", "#", "-", " ", "\n", "\\", "!", "a", "好", "😂"]
        var random = SplitMix64(seed: 16)
        for _ in 0..<2000 {
            let text = String((0..<Int(random.next() % 40)).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] })
            let shown = FormattedText(markdown: text)
            for letter: Character in ["a", "好", "😂"] {
                #expect(shown.plainText.filter { $0 == letter }.count == text.filter { $0 == letter }.count, "\(text.debugDescription)")
            }
            #expect(!shown.html.isEmpty || text.isEmpty)
        }
    }
}

/// A small seeded generator, so a failing random case comes back on every run.
private struct SplitMix64 {
    var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
