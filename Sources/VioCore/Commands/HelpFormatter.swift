/// Writes the help listing from the registered commands.
///
/// One line per visible command usable in the chat: triggers, then the summary.
///
/// ```
/// 打一枪听听 /gun [gun] [distance] — play a Hunt: Showdown gun sound
/// ```
public struct HelpFormatter: Sendable {
    /// The first line of the listing.
    public var title: String
    /// Appended to commands that work only in groups, or only in private chat; `nil` leaves such
    /// commands out of the listings of chats they do not work in.
    public var scopeNotes: (groupOnly: String, privateOnly: String)?

    public init(title: String = "Commands:", scopeNotes: (groupOnly: String, privateOnly: String)? = nil) {
        self.title = title
        self.scopeNotes = scopeNotes
    }

    /// The listing for `chat`.
    public func helpText(for commands: [Command], in chat: Chat) -> String {
        let lines = commands
            .filter { !$0.isHidden && (scopeNotes != nil || $0.scope.allows(chat)) }
            .map { command in line(for: command) + note(for: command.scope) }
        return ([title] + lines).joined(separator: "\n")
    }

    private func note(for scope: CommandScope) -> String {
        switch (scope, scopeNotes) {
        case (.groupOnly, let notes?): " " + notes.groupOnly
        case (.privateOnly, let notes?): " " + notes.privateOnly
        default: ""
        }
    }

    func line(for command: Command) -> String {
        var head = command.triggers.joined(separator: " ")
        if let usage = command.usage { head += " " + usage }
        return command.summary.isEmpty ? head : "\(head) — \(command.summary)"
    }
}
