import Foundation

extension HTTPHeaders {
    /// How long the server asked to wait before trying again: `retry-after-ms` (milliseconds, as
    /// OpenAI sends it), else `Retry-After` in seconds or as an HTTP date. `nil` when neither is there
    /// or readable; a date in the past gives a negative duration.
    ///
    /// ```swift
    /// let headers: HTTPHeaders = ["Retry-After": "Wed, 21 Oct 2015 07:28:00 GMT"]
    /// headers.retryAfter(now: Date())   // the time until then
    /// ```
    public func retryAfter(now: Date) -> Duration? {
        if let milliseconds = self["retry-after-ms"].flatMap(Self.number) {
            return .milliseconds(milliseconds)
        }
        guard let text = self["retry-after"]?.trimmingCharacters(in: .whitespaces) else { return nil }
        if let seconds = Self.number(text) {
            return .milliseconds(seconds * 1000)
        }
        guard let date = Self.httpDate(text) else { return nil }
        return .milliseconds(date.timeIntervalSince(now) * 1000)
    }

    private static func number(_ text: String) -> Double? {
        Double(text.trimmingCharacters(in: .whitespaces)).flatMap { $0.isFinite ? $0 : nil }
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
