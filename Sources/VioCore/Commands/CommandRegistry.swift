/// The commands a bot knows, and how a message finds one.
///
/// Matching rules:
/// - Leading and trailing whitespace is ignored; ASCII letters match case-insensitively.
/// - A trigger matches at the start of the text. After a trigger that ends in an ASCII letter or
///   digit (`help`, `/chat`) the text must end or continue with whitespace, so `/chatter` is not
///   `/chat`. After any other trigger (`来份涩图`) arguments may follow directly.
/// - The longest matching trigger wins.
/// - `/cmd@name` is read as `/cmd` when `name` is one of the bot's usernames (or none are known);
///   a command addressed to another bot matches nothing.
public struct CommandRegistry: Sendable {
    public private(set) var commands: [Command] = []
    /// Triggers by their first scalar (ASCII lowercased), longest first.
    private var index: [Unicode.Scalar: [Entry]] = [:]

    private struct Entry: Sendable {
        let trigger: String
        let scalars: [Unicode.Scalar]
        let commandIndex: Int
        let needsBoundary: Bool
    }

    public init() {}

    /// Adds a command. A trigger already taken by an earlier command is answered by the earlier one.
    public mutating func register(_ command: Command) {
        let commandIndex = commands.count
        commands.append(command)
        for trigger in command.triggers where !trigger.isEmpty {
            let scalars = trigger.unicodeScalars.map(Self.folded)
            guard let first = scalars.first else { continue }
            let last = trigger.unicodeScalars.last.map { $0.isASCII && $0.properties.isAlphabetic || ("0"..."9").contains($0) } ?? false
            var entries = index[first, default: []]
            guard !entries.contains(where: { $0.scalars == scalars }) else { continue }
            entries.append(Entry(trigger: trigger, scalars: scalars, commandIndex: commandIndex, needsBoundary: last))
            entries.sort { $0.scalars.count > $1.scalars.count }
            index[first] = entries
        }
    }

    /// The command `text` calls and its arguments, or `nil`.
    ///
    /// - Parameter botUsernames: the bot's own usernames, to accept `/cmd@name`; empty accepts any name.
    public func match(_ text: String, botUsernames: Set<String> = []) -> (command: Command, arguments: CommandArguments)? {
        var text = Substring(text).trimmingWhitespace()
        if text.first == "/" {
            guard let stripped = Self.strippingBotSuffix(text, botUsernames: botUsernames) else { return nil }
            text = stripped
        }
        let scalars = text.unicodeScalars
        guard let first = scalars.first, let candidates = index[Self.folded(first)] else { return nil }
        for entry in candidates {
            guard let end = Self.prefixEnd(of: entry.scalars, in: scalars) else { continue }
            let rest = Substring(scalars[end...])
            if entry.needsBoundary, let next = rest.unicodeScalars.first, !next.properties.isWhitespace { continue }
            let arguments = CommandArguments(trigger: entry.trigger, text: String(rest.trimmingWhitespace()))
            return (commands[entry.commandIndex], arguments)
        }
        return nil
    }

    /// Where `trigger` ends in `text` when `text` starts with it, ASCII case folded.
    private static func prefixEnd(of trigger: [Unicode.Scalar], in text: Substring.UnicodeScalarView) -> String.Index? {
        var position = text.startIndex
        for scalar in trigger {
            guard position < text.endIndex, folded(text[position]) == scalar else { return nil }
            position = text.index(after: position)
        }
        return position
    }

    /// `/cmd@name rest` → `/cmd rest`, or `nil` when `name` is another bot's.
    private static func strippingBotSuffix(_ text: Substring, botUsernames: Set<String>) -> Substring? {
        let word = text.prefix { !$0.isWhitespace }
        guard let at = word.firstIndex(of: "@") else { return text }
        let target = word[word.index(after: at)...]
        if !botUsernames.isEmpty, !botUsernames.contains(where: { $0.lowercased() == target.lowercased() }) {
            return nil
        }
        return Substring(String(word[..<at]) + text[word.endIndex...])
    }

    private static func folded(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        ("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32) ?? scalar : scalar
    }
}
