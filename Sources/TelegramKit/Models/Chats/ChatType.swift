/// The kind of a Telegram chat. Kinds newer than TelegramKit decode to ``unknown(_:)``.
public enum ChatType: RawRepresentable, Codable, Hashable, Sendable {
    case `private`
    case group
    case supergroup
    case channel
    case unknown(String)

    public init(rawValue: String) {
        switch rawValue {
        case "private": self = .private
        case "group": self = .group
        case "supergroup": self = .supergroup
        case "channel": self = .channel
        default: self = .unknown(rawValue)
        }
    }

    public var rawValue: String {
        switch self {
        case .private: "private"
        case .group: "group"
        case .supergroup: "supergroup"
        case .channel: "channel"
        case .unknown(let name): name
        }
    }

    /// Groups and supergroups: chats with many members who all may write.
    public var isGroup: Bool { self == .group || self == .supergroup }
}
