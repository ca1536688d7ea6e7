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

    public init(title: String = "Commands:") {
        self.title = title
    }

    /// The listing for `chat`: commands whose scope forbids the chat are left out.
    public func helpText(for commands: [Command], in chat: Chat) -> String {
        let lines = commands
            .filter { !$0.isHidden && $0.scope.allows(chat) }
            .map(line(for:))
        return ([title] + lines).joined(separator: "\n")
    }

    func line(for command: Command) -> String {
        var head = command.triggers.joined(separator: " ")
        if let usage = command.usage { head += " " + usage }
        return command.summary.isEmpty ? head : "\(head) — \(command.summary)"
    }
}
