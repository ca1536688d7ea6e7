/// Where each chat's feature switches are kept: in the bot's key-value store, one record per chat
/// and feature, so they survive restarts and, on a shared database, hold for every instance.
///
/// ```swift
/// let switches = FeatureSwitches(storage: services.storage)
/// try await switches.set("picture", isOn: false, in: .group(5000), on: .onebot)
/// try await switches.switches(in: .group(5000), on: .onebot)   // ["picture": false]
/// ```
public struct FeatureSwitches: Sendable {
    public let storage: any KeyValueStore

    public init(storage: any KeyValueStore) {
        self.storage = storage
    }

    /// The namespace holding one chat's switches, keyed by feature id.
    public static func namespace(of chat: Chat, on platform: Platform) -> String {
        "features/\(platform)/\(chat.kind.rawValue)/\(chat.id)"
    }

    /// The features switched in `chat`: feature id → on. One query when the chat switched nothing.
    public func switches(in chat: Chat, on platform: Platform) async throws -> [String: Bool] {
        let namespace = Self.namespace(of: chat, on: platform)
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
        try await storage.set(isOn, for: id, in: Self.namespace(of: chat, on: platform))
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
            chats.append(SwitchedChat(platform: platform, chat: chat, switches: try await switches(in: chat, on: platform)))
        }
        return chats
    }
}
