import Foundation
import VioCore

/// A bot account a platform has connected now: what `/ping` names and the console lists.
///
/// ```swift
/// ConnectedBot(platform: .onebot, account: 10001, name: "QQ 10001", connection: "reverse WebSocket", implementation: "NapCat", since: Date())
/// ```
struct ConnectedBot: Sendable, Equatable {
    let platform: Platform
    /// The account as the platform's events name it (a QQ number, a Telegram bot's id).
    let account: ID
    /// How `/ping` names it: `QQ 10001`, `Telegram @VioBot`.
    let name: String
    /// How it reaches the server: `reverse WebSocket`, `long polling`…
    let connection: String
    /// The program on the other end, when it said (a OneBot implementation's `User-Agent`).
    var implementation: String? = nil
    /// Since when this connection has been up, when the platform knows.
    var since: Date? = nil
}
