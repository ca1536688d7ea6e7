import Synchronization

/// The platforms the server runs, for whoever reports on them (`/ping`): filled in when the server
/// is built, which is after the bot and its features are.
///
/// ```swift
/// let directory = PlatformDirectory()
/// let status = { await directory.connectedBots() }      // handed to the features
/// directory.set(platforms)                             // once the server has made them
/// ```
final class PlatformDirectory: Sendable {
    private let platforms = Mutex<[any ServerPlatform]>([])

    init() {}

    func set(_ platforms: [any ServerPlatform]) {
        self.platforms.withLock { $0 = platforms }
    }

    /// Every platform's connected bot accounts, in the order of the list.
    func connectedBots() async -> [String] {
        var bots: [String] = []
        for platform in platforms.withLock({ $0 }) {
            bots += await platform.connectedBots()
        }
        return bots
    }
}
