import Foundation

/// `VIO_CHAT_RATE`: at most `calls` model calls by one user in any `window`.
///
/// ```swift
/// ChatRate("10/min")   // ChatRate(calls: 10, window: .seconds(60)), the default
/// ChatRate("3/30s")    // three calls in any thirty seconds
/// ChatRate("ten")      // nil: not a rate
/// ```
struct ChatRate: Hashable, Sendable, CustomStringConvertible {
    var calls: Int
    var window: Duration

    static let standard = ChatRate(calls: 10, window: .seconds(60))

    init(calls: Int, window: Duration) {
        self.calls = calls
        self.window = window
    }

    /// Reads `<calls>/<window>`, the window a unit (`s`, `min`, `h`, `d`) with an optional count
    /// before it (`30s`, `10min`); `nil` when `text` is not such a rate.
    init?(_ text: String) {
        let parts = text.lowercased().split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, let calls = Int(parts[0]), calls > 0 else { return nil }
        let digits = parts[1].prefix { $0.isASCII && $0.isNumber }
        guard let count = digits.isEmpty ? 1 : Int(digits), count > 0,
              let unit = Self.units[String(parts[1].dropFirst(digits.count))] else { return nil }
        self.init(calls: calls, window: unit * count)
    }

    /// `10/60s`: what `VIO_CHAT_RATE` reads back as.
    var description: String {
        "\(calls)/\(window.components.seconds)s"
    }

    private static let units: [String: Duration] = [
        "s": .seconds(1), "sec": .seconds(1), "m": .seconds(60), "min": .seconds(60),
        "h": .seconds(3600), "hour": .seconds(3600), "d": .seconds(86400), "day": .seconds(86400),
    ]
}
