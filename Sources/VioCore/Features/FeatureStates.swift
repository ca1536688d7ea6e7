/// Which of a bot's features are on in one chat: each feature's default, overridden by the chat's
/// own switches.
///
/// A handler finds it on its context (``BotContext/features``):
///
/// ```swift
/// if context.features.isOn("picture") { … }
/// ```
public struct FeatureStates: Sendable {
    /// The bot's features, in the order they were installed.
    public let features: [FeatureInfo]
    /// Ids switched off in every chat that did not switch them on (`VIO_DISABLED_FEATURES`).
    public let offByDefault: Set<String>
    /// This chat's own switches: feature id → on.
    public private(set) var switches: [String: Bool]
    private let byID: [String: FeatureInfo]

    public init(features: [FeatureInfo] = [], offByDefault: Set<String> = [], switches: [String: Bool] = [:]) {
        self.features = features
        self.offByDefault = offByDefault
        self.switches = switches
        byID = Dictionary(features.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// These states with `switches` as the chat's own.
    public func with(switches: [String: Bool]) -> FeatureStates {
        var states = self
        states.switches = switches
        return states
    }

    /// The feature with `id`, if the bot has it.
    public func feature(_ id: String) -> FeatureInfo? {
        byID[id]
    }

    /// Whether the feature `id` is on here. Handlers of no feature (`nil`), features the bot does
    /// not have and features that cannot be switched are always on.
    public func isOn(_ id: String?) -> Bool {
        guard let id, let feature = byID[id], feature.isSwitchable else { return true }
        return switches[id] ?? isOnByDefault(feature)
    }

    /// Whether `feature` is on in chats that did not switch it.
    public func isOnByDefault(_ feature: FeatureInfo) -> Bool {
        feature.isOnByDefault && !offByDefault.contains(feature.id)
    }
}
