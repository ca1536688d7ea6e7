/// Writes the help listing from the registered commands.
///
/// One line per visible command usable in the chat: triggers, then the summary; commands of a
/// feature that is off in the chat are marked so.
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
    /// Appended to commands whose feature is off in the chat.
    public var offNote: String

    public init(title: String = "Commands:", scopeNotes: (groupOnly: String, privateOnly: String)? = nil, offNote: String = "(off here)") {
        self.title = title
        self.scopeNotes = scopeNotes
        self.offNote = offNote
    }

    /// The listing for `chat`, where `features` are on or off.
    public func helpText(for commands: [Command], in chat: Chat, features: FeatureStates = FeatureStates()) -> String {
        let lines = commands
            .filter { !$0.isHidden && (scopeNotes != nil || $0.scope.allows(chat)) }
            .map { command in line(for: command) + note(for: command.scope) + (features.isOn(command.featureID) ? "" : " " + offNote) }
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
