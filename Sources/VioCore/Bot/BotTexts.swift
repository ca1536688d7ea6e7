import Foundation

/// The few sentences the runtime itself says in chat. Replace them to change language or tone.
public struct BotTexts: Hashable, Sendable {
    /// When a handler fails with an error that is not a ``UserFacingError``.
    public var handlerFailed: String
    /// When a group-only command is used in a private chat.
    public var groupOnly: String
    /// When a private-only command is used in a group.
    public var privateOnly: String
    /// When the sender lacks the command's permission.
    public var permissionDenied: String
    /// When a command of a feature that is off is used in a group; `{feature}` becomes the
    /// feature's name and `{id}` its id.
    public var featureOffInGroup: String
    /// The same, in a private chat.
    public var featureOffInPrivate: String

    public init(
        handlerFailed: String = "Sorry, something went wrong. Please try again later.",
        groupOnly: String = "This command works in groups only.",
        privateOnly: String = "This command works in private chat only.",
        permissionDenied: String = "You are not allowed to use this command here.",
        featureOffInGroup: String = "{feature} is off in this group; a group admin can turn it on with /enable {id}.",
        featureOffInPrivate: String = "{feature} is off in this chat; turn it on with /enable {id}."
    ) {
        self.handlerFailed = handlerFailed
        self.groupOnly = groupOnly
        self.privateOnly = privateOnly
        self.permissionDenied = permissionDenied
        self.featureOffInGroup = featureOffInGroup
        self.featureOffInPrivate = featureOffInPrivate
    }

    /// What a command of `feature` answers in `chat` where the feature is off.
    public func featureOff(_ feature: FeatureInfo, in chat: Chat) -> String {
        (chat.isPrivate ? featureOffInPrivate : featureOffInGroup)
            .replacingOccurrences(of: "{feature}", with: feature.name)
            .replacingOccurrences(of: "{id}", with: feature.id)
    }
}
