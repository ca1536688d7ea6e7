import Foundation
import Synchronization
import VioCore

/// One `ONEBOT_WS_URLS` entry and how its connection stands now, for `/ping`, `/metrics` and the
/// log; the dialler updates it, whoever reports reads it.
final class ForwardLink: Sendable {
    /// Where the connection stands.
    enum State: Sendable, Equatable {
        /// Dialling; after `lastFailure` when it is not the first attempt in a row.
        case connecting(lastFailure: String?)
        /// Open, speaking for `selfID`.
        case connected(selfID: ID)
        /// Waiting to dial again after `reason`.
        case waiting(reason: String)
        /// vio-server is shutting down.
        case stopped
    }

    /// The URL dialled, with the token header it is sent with.
    let url: String
    /// The URL as logs and `/metrics` show it: any `access_token` in its query masked.
    let shownURL: String
    private let current = Mutex(State.connecting(lastFailure: nil))

    init(url: String) {
        self.url = url
        shownURL = Self.masked(url)
    }

    var state: State {
        get { current.withLock { $0 } }
        set { current.withLock { $0 = newValue } }
    }

    /// The account connected now, if any.
    var connectedAccount: ID? {
        if case .connected(let selfID) = state { return selfID }
        return nil
    }

    /// How the link stands, in `/ping`'s words, when it is not connected.
    var problem: String? {
        switch state {
        case .connected, .stopped: nil
        case .connecting(nil): "\(shownURL)（连接中）"
        case .connecting(let reason?), .waiting(let reason): "\(shownURL)（重连中：\(reason)）"
        }
    }

    /// `url` with the value of an `access_token` query item replaced by its redacted form.
    static func masked(_ url: String) -> String {
        guard var components = URLComponents(string: url), let items = components.queryItems, items.contains(where: { $0.name == "access_token" }) else {
            return url
        }
        components.queryItems = items.map { item in
            item.name == "access_token" ? URLQueryItem(name: item.name, value: item.value.map { "\(Redacted($0))" }) : item
        }
        return components.string ?? url
    }
}
