/// A command a bot answers: trigger words, where it may be used, who may use it, and what it does.
///
/// Triggers match at the start of a message, VioGo style: `来份涩图 风景` runs `来份涩图` with the
/// argument `风景`. See ``CommandRegistry`` for the exact rules.
public struct Command: Sendable {
    public typealias Handler = @Sendable (BotContext, CommandArguments) async throws -> Void

    /// The main trigger, shown first in help.
    public var name: String
    /// Other triggers (`/lottery` beside `禁言抽奖`).
    public var aliases: [String]
    /// One line for the help listing.
    public var summary: String
    /// The arguments it takes, e.g. `[gun] [distance]`; shown after the triggers in help.
    public var usage: String?
    public var scope: CommandScope
    public var permission: CommandPermission
    /// Hidden commands work but are left out of help.
    public var isHidden: Bool
    /// The ``Feature`` the command belongs to and is switched with; ``Bot/install(_:)`` sets it
    /// for the commands a feature adds. `nil`: always on.
    public var featureID: String?
    public var handler: Handler

    public init(
        _ name: String,
        aliases: [String] = [],
        summary: String = "",
        usage: String? = nil,
        scope: CommandScope = .anywhere,
        permission: CommandPermission = .everyone,
        isHidden: Bool = false,
        handler: @escaping Handler
    ) {
        self.name = name
        self.aliases = aliases
        self.summary = summary
        self.usage = usage
        self.scope = scope
        self.permission = permission
        self.isHidden = isHidden
        self.handler = handler
    }

    /// The name and every alias.
    public var triggers: [String] { [name] + aliases }
}

/// The kinds of chat a command works in.
public enum CommandScope: Hashable, Sendable {
    case privateOnly
    case groupOnly
    case anywhere

    /// Whether the command may run in `chat`. Channels count as groups.
    public func allows(_ chat: Chat) -> Bool {
        switch self {
        case .anywhere: true
        case .privateOnly: chat.kind == .private
        case .groupOnly: chat.kind != .private
        }
    }
}

/// Who may run a command. Superusers may always.
public enum CommandPermission: Hashable, Sendable {
    case everyone
    /// Group admins and owners, in groups.
    case groupAdmin
    /// Group admins and owners in groups; the user, in a private chat (for switches that belong to the chat).
    case chatAdmin
    /// The group owner, in groups.
    case groupOwner
    /// Only the bot's superusers.
    case superuser

    /// Whether a sender with `role` (and superuser standing) may run the command.
    public func allows(role: MemberRole?, isSuperuser: Bool) -> Bool {
        if isSuperuser { return true }
        switch self {
        case .everyone: return true
        case .groupAdmin, .chatAdmin: return (role ?? .member) >= .admin
        case .groupOwner: return role == .owner
        case .superuser: return false
        }
    }

    /// Whether the sender of `context` has this permission; the role is looked up only when it
    /// matters and the message did not carry it (``BotContext/senderRole()``). For a command whose
    /// reading is open to everyone and whose changes are not:
    ///
    /// ```swift
    /// guard await CommandPermission.chatAdmin.allows(context) else { return try await context.reply("admins only") }
    /// ```
    public func allows(_ context: BotContext) async -> Bool {
        if self == .everyone || context.senderIsSuperuser { return true }
        if self == .superuser { return false }
        if self == .chatAdmin, context.chat.isPrivate { return true }
        return allows(role: await context.senderRole(), isSuperuser: false)
    }
}

/// What followed the trigger word.
public struct CommandArguments: Hashable, Sendable {
    /// The trigger as it was matched (the alias, not necessarily the command's name).
    public var trigger: String
    /// Everything after the trigger, trimmed.
    public var text: String

    public init(trigger: String, text: String) {
        self.trigger = trigger
        self.text = text
    }

    /// The arguments split on whitespace.
    public var words: [String] {
        text.split(whereSeparator: \.isWhitespace).map(String.init)
    }

    public var isEmpty: Bool { text.isEmpty }
}
