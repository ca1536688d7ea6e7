import Synchronization
import VioCore

/// The platforms the server runs, for whoever reports on them (`/ping`): filled in when the server
/// is built, which is after the bot and its features are.
///
/// ```swift
/// let directory = PlatformDirectory()
/// let status = { await directory.connectedBots() }      // handed to the features and the console
/// directory.set(platforms)                             // once the server has made them
/// ```
final class PlatformDirectory: Sendable {
    private let platforms = Mutex<[any ServerPlatform]>([])

    init() {}

    func set(_ platforms: [any ServerPlatform]) {
        self.platforms.withLock { $0 = platforms }
    }

    /// How many bot accounts each platform has connected now (0 for one with none).
    func connectedBotCounts() async -> [Platform: Int] {
        var counts: [Platform: Int] = [:]
        for platform in platforms.withLock({ $0 }) {
            counts[platform.platform, default: 0] += await platform.connectedBots().count
        }
        return counts
    }

    /// Every platform's connected bot accounts, in the order of the list.
    func connectedBots() async -> [ConnectedBot] {
        var bots: [ConnectedBot] = []
        for platform in platforms.withLock({ $0 }) {
            bots += await platform.connectedBots()
        }
        return bots
    }

    /// Every connection the platforms dial.
    var dialledLinks: [ForwardLink] {
        platforms.withLock { $0 }.flatMap(\.dialledLinks)
    }

    /// The dialled connections not up now, as `/ping` shows them.
    var linksDown: [String] {
        dialledLinks.compactMap(\.problem)
    }
}
