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

    public init(
        handlerFailed: String = "Sorry, something went wrong. Please try again later.",
        groupOnly: String = "This command works in groups only.",
        privateOnly: String = "This command works in private chat only.",
        permissionDenied: String = "You are not allowed to use this command here."
    ) {
        self.handlerFailed = handlerFailed
        self.groupOnly = groupOnly
        self.privateOnly = privateOnly
        self.permissionDenied = permissionDenied
    }
}
