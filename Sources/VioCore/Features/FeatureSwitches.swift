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
}
