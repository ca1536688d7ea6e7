import Foundation
import VioCore

/// Where the bot accounts in HTTP POST mode take their actions (`ONEBOT_HTTP_API_URL`): one HTTP
/// API root for every account, or `self_id=url` pairs for several, or both (the bare URL then
/// serves the accounts not named).
///
/// ```swift
/// let roots = try OneBotHTTPRoots("10001=http://127.0.0.1:5700,10002=http://127.0.0.1:5701")
/// roots.root(for: 10002)   // http://127.0.0.1:5701
/// ```
struct OneBotHTTPRoots: Hashable, Sendable, CustomStringConvertible {
    /// The root of the accounts not named.
    var shared: URL?
    var perAccount: [ID: URL] = [:]

    init(shared: URL?, perAccount: [ID: URL] = [:]) {
        self.shared = shared
        self.perAccount = perAccount
    }

    /// Reads comma-separated entries, each a URL or `self_id=url`.
    init(_ text: String) throws(Problem) {
        for entry in text.split(whereSeparator: { $0 == "," || $0.isWhitespace }) {
            let parts = entry.split(separator: "=", maxSplits: 1)
            if parts.count == 2, let account = Int64(parts[0]) {
                perAccount[ID(account)] = try Self.url(String(parts[1]), entry: entry)
            } else if shared == nil {
                shared = try Self.url(String(entry), entry: entry)
            } else {
                throw Problem(description: "two URLs for every account ('\(entry)'); name the account of each: 10001=http://127.0.0.1:5700")
            }
        }
        guard shared != nil || !perAccount.isEmpty else { throw Problem(description: "no URL in it") }
    }

    /// Where `account`'s actions go; `nil` when none is set for it.
    func root(for account: ID) -> URL? {
        perAccount[account] ?? shared
    }

    /// `http://127.0.0.1:5700, 10002=http://127.0.0.1:5701`: shown with any `access_token` masked.
    var description: String {
        let named = perAccount.sorted { $0.key < $1.key }.map { "\($0.key)=\(ForwardLink.masked($0.value.absoluteString))" }
        return ((shared.map { [ForwardLink.masked($0.absoluteString)] } ?? []) + named).joined(separator: ", ")
    }

    struct Problem: Error, CustomStringConvertible {
        let description: String
    }

    private static func url(_ text: String, entry: Substring) throws(Problem) -> URL {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme), url.host != nil else {
            throw Problem(description: "'\(ForwardLink.masked(String(entry)))' is not an http(s) URL or self_id=URL pair such as 10001=http://127.0.0.1:5700")
        }
        return url
    }
}
