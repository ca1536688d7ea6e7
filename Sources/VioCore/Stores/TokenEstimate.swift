/// A quick, dependency-free estimate of how many model tokens a text costs.
///
/// The estimate: every CJK character (Han, kana, Hangul, CJK punctuation) counts as one token, every
/// other four characters as one token, and every message adds four tokens of framing. Real
/// tokenizers give about one token per Chinese character and about four English characters per
/// token, so this stays close for both and never needs the model's vocabulary. It is meant for
/// trimming history to a budget, not for billing.
public enum TokenEstimate {
    /// Tokens the framing of one chat message costs.
    public static let perMessageOverhead = 4

    /// Estimated tokens in `text`.
    public static func tokens(in text: String) -> Int {
        var cjk = 0
        var other = 0
        for scalar in text.unicodeScalars {
            if isCJK(scalar) { cjk += 1 } else { other += 1 }
        }
        return cjk + (other + 3) / 4
    }

    /// Estimated tokens of one conversation turn, framing included.
    public static func tokens(in turn: ConversationTurn) -> Int {
        tokens(in: turn.content) + perMessageOverhead
    }

    static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3000...0x303F, // CJK symbols and punctuation
             0x3040...0x30FF, // Hiragana, Katakana
             0x3400...0x4DBF, // CJK extension A
             0x4E00...0x9FFF, // CJK unified ideographs
             0xAC00...0xD7AF, // Hangul syllables
             0xF900...0xFAFF, // CJK compatibility ideographs
             0xFF00...0xFFEF, // full-width forms
             0x20000...0x3134F: // CJK extensions B–G
            true
        default:
            false
        }
    }
}
