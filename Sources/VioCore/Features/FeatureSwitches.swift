import Synchronization

/// Where each chat's feature switches are kept: in the bot's key-value store, one record per chat
/// and feature, so they survive restarts and, on a shared database, hold for every instance.
///
/// Every message asks for its chat's switches, so what the store said is kept for `freshFor` (5 s):
/// which chats switched anything (one listing for all, so a chat that switched nothing costs no
/// query) and those chats' switches. A switch made through this value (or a copy of it, as
/// ``BotServices`` hands out) holds at once; one made by another instance sharing the database
/// holds here within `freshFor`.
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

    /// What every chat's namespace starts with.
    static let prefix = "features/"

    /// The namespace holding one chat's switches, keyed by feature id.
    public static func namespace(of chat: Chat, on platform: Platform) -> String {
        "\(prefix)\(platform)/\(chat.kind.rawValue)/\(chat.id)"
    }

    /// The features switched in `chat`: feature id → on; from what the store said lately, else
    /// from the store.
    public func switches(in chat: Chat, on platform: Platform) async throws -> [String: Bool] {
        let namespace = Self.namespace(of: chat, on: platform)
        var lookup = recent.lookup(namespace)
        if case .listChats = lookup {
            recent.listed(try await storage.namespaces(startingWith: Self.prefix))
            lookup = recent.lookup(namespace)
        }
        if case .known(let switches) = lookup { return switches }
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
        recent.switched(namespace)
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
        for namespace in try await storage.namespaces(startingWith: Self.prefix) {
            let parts = namespace.split(separator: "/", maxSplits: 3, omittingEmptySubsequences: false)
            guard parts.count == 4, let kind = Chat.Kind(rawValue: String(parts[2])) else { continue }
            let chat = Chat(kind: kind, id: ID(String(parts[3])))
            let platform = Platform(String(parts[1]))
            chats.append(SwitchedChat(platform: platform, chat: chat, switches: try await stored(in: namespace)))
        }
        return chats
    }
}

/// What the store said lately about the chats' switches: which chats switched anything at all
/// (one listing for every chat, so a chat that switched nothing costs no query), and the switches
/// of those that did; each used until it is `freshFor` old.
private final class RecentSwitches: Sendable {
    /// What is known of one chat's switches.
    enum Lookup {
        case known([String: Bool])
        /// The list of chats that switched something is not fresh: list them again.
        case listChats
        /// The chat switched something, and what was read of it is not fresh: read it again.
        case readChat
    }

    private struct State {
        /// Every chat namespace holding a switch, as last listed, and when.
        var switchedChats: Set<String> = []
        var listedAt: ContinuousClock.Instant?
        /// The switches of chats among them, as read, and when.
        var read: [String: (switches: [String: Bool], at: ContinuousClock.Instant)] = [:]
    }

    private let freshFor: Duration
    private let now: @Sendable () -> ContinuousClock.Instant
    private let state = Mutex(State())

    init(freshFor: Duration, now: @escaping @Sendable () -> ContinuousClock.Instant) {
        self.freshFor = freshFor
        self.now = now
    }

    func lookup(_ namespace: String) -> Lookup {
        guard freshFor > .zero else { return .readChat }
        let now = now()
        return state.withLock { state in
            guard let listedAt = state.listedAt, now - listedAt < freshFor else { return .listChats }
            guard state.switchedChats.contains(namespace) else { return .known([:]) }
            guard let read = state.read[namespace], now - read.at < freshFor else { return .readChat }
            return .known(read.switches)
        }
    }

    /// The chats that switched something, as the store listed them just now.
    func listed(_ namespaces: [String]) {
        let now = now()
        state.withLock { state in
            state.switchedChats = Set(namespaces)
            state.listedAt = now
            state.read = state.read.filter { state.switchedChats.contains($0.key) }
        }
    }

    func remember(_ switches: [String: Bool], of namespace: String) {
        guard freshFor > .zero else { return }
        let now = now()
        state.withLock { $0.read[namespace] = (switches, now) }
    }

    /// A switch was just made in the chat: it is among those that switched, its switches unread.
    func switched(_ namespace: String) {
        state.withLock { state in
            state.switchedChats.insert(namespace)
            state.read[namespace] = nil
        }
    }
}
