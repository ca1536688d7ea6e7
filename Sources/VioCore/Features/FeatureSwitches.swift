import Synchronization

/// Where each chat's feature switches are kept: in the bot's key-value store, one record per chat
/// and feature, so they survive restarts and, on a shared database, hold for every instance.
///
/// Every message asks for its chat's switches, so what the store said is kept for `freshFor` (5 s)
/// per chat, and a switch made through this value (or a copy of it, as ``BotServices`` hands out)
/// holds at once. One made by another instance sharing the database holds here within `freshFor`.
///
/// ```swift
/// let switches = services.featureSwitches
/// try await switches.set("picture", isOn: false, in: .group(5000), on: .onebot)
/// try await switches.switches(in: .group(5000), on: .onebot)   // ["picture": false]
/// ```
public struct FeatureSwitches: Sendable {
    public let storage: any KeyValueStore
    private let recent: RecentSwitches

    /// - Parameter freshFor: how long a chat's switches read from the store are used before they
    ///   are read again; `.zero` reads them every time.
    public init(storage: any KeyValueStore, freshFor: Duration = .seconds(5)) {
        self.init(storage: storage, freshFor: freshFor, now: { .now })
    }

    /// - Parameter now: the clock freshness is measured by; tests pass their own.
    init(storage: any KeyValueStore, freshFor: Duration, now: @escaping @Sendable () -> ContinuousClock.Instant) {
        self.storage = storage
        self.recent = RecentSwitches(freshFor: freshFor, now: now)
    }

    /// The namespace holding one chat's switches, keyed by feature id.
    public static func namespace(of chat: Chat, on platform: Platform) -> String {
        "features/\(platform)/\(chat.kind.rawValue)/\(chat.id)"
    }

    /// The features switched in `chat`: feature id → on; from what was read lately, else one
    /// query when the chat switched nothing.
    public func switches(in chat: Chat, on platform: Platform) async throws -> [String: Bool] {
        let namespace = Self.namespace(of: chat, on: platform)
        if let known = recent.switches(of: namespace) { return known }
        let switches = try await stored(in: namespace)
        recent.remember(switches, of: namespace)
        return switches
    }

    private func stored(in namespace: String) async throws -> [String: Bool] {
        var switches: [String: Bool] = [:]
        for id in try await storage.keys(in: namespace) {
            if let isOn = try await storage.get(Bool.self, for: id, in: namespace) {
                switches[id] = isOn
            }
        }
        return switches
    }

    /// Switches the feature `id` on or off in `chat`.
    public func set(_ id: String, isOn: Bool, in chat: Chat, on platform: Platform) async throws {
        let namespace = Self.namespace(of: chat, on: platform)
        try await storage.set(isOn, for: id, in: namespace)
        recent.forget(namespace)
    }

    /// One chat that switched features, and its switches.
    public struct SwitchedChat: Hashable, Sendable {
        public let platform: Platform
        public let chat: Chat
        /// Feature id → on.
        public let switches: [String: Bool]
    }

    /// Every chat of every platform that switched a feature, ordered by platform, then chat.
    ///
    /// ```swift
    /// for switched in try await switches.switchedChats() where switched.switches["picture"] == false {
    ///     print("\(switched.platform) \(switched.chat.id) turned pictures off")
    /// }
    /// ```
    public func switchedChats() async throws -> [SwitchedChat] {
        var chats: [SwitchedChat] = []
        for namespace in try await storage.namespaces(startingWith: "features/") {
            let parts = namespace.split(separator: "/", maxSplits: 3, omittingEmptySubsequences: false)
            guard parts.count == 4, let kind = Chat.Kind(rawValue: String(parts[2])) else { continue }
            let chat = Chat(kind: kind, id: ID(String(parts[3])))
            let platform = Platform(String(parts[1]))
            chats.append(SwitchedChat(platform: platform, chat: chat, switches: try await stored(in: namespace)))
        }
        return chats
    }
}

/// The switches read from the store lately, per chat namespace, each used until it is `freshFor` old.
private final class RecentSwitches: Sendable {
    private struct Entry {
        let switches: [String: Bool]
        let readAt: ContinuousClock.Instant
    }

    /// Past this many chats, the entries that are no longer fresh are let go.
    private static let tidyingPoint = 10_000
    private let freshFor: Duration
    private let now: @Sendable () -> ContinuousClock.Instant
    private let entries = Mutex<[String: Entry]>([:])

    init(freshFor: Duration, now: @escaping @Sendable () -> ContinuousClock.Instant) {
        self.freshFor = freshFor
        self.now = now
    }

    func switches(of namespace: String) -> [String: Bool]? {
        guard freshFor > .zero else { return nil }
        let now = now()
        return entries.withLock { entries in
            guard let entry = entries[namespace], now - entry.readAt < freshFor else { return nil }
            return entry.switches
        }
    }

    func remember(_ switches: [String: Bool], of namespace: String) {
        guard freshFor > .zero else { return }
        let now = now()
        entries.withLock { entries in
            if entries.count >= Self.tidyingPoint {
                entries = entries.filter { now - $0.value.readAt < freshFor }
            }
            entries[namespace] = Entry(switches: switches, readAt: now)
        }
    }

    func forget(_ namespace: String) {
        _ = entries.withLock { $0.removeValue(forKey: namespace) }
    }
}
