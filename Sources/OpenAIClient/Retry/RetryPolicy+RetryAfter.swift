import Foundation
import VioCore

extension RetryPolicy {
    /// How long the server asked to wait: `retry-after-ms` (milliseconds), else `Retry-After` in
    /// seconds or as an HTTP date. `nil` when neither is there or readable.
    public static func retryAfter(in headers: HTTPHeaders, now: Date) -> Duration? {
        if let text = headers["retry-after-ms"], let milliseconds = Double(text.trimmingCharacters(in: .whitespaces)),
           milliseconds.isFinite {
            return .milliseconds(milliseconds)
        }
        guard let text = headers["retry-after"]?.trimmingCharacters(in: .whitespaces) else { return nil }
        if let seconds = Double(text), seconds.isFinite {
            return .milliseconds(seconds * 1000)
        }
        guard let date = httpDate(text) else { return nil }
        return .milliseconds(date.timeIntervalSince(now) * 1000)
    }

    /// An IMF-fixdate such as `Wed, 21 Oct 2015 07:28:00 GMT`.
    private static func httpDate(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: text)
    }
}
