import Foundation

/// Something that happened in a chat that is not a message: members coming and going, recalls, mutes.
///
/// Platforms report far more than this; what is not modelled arrives as `.other` with the platform's
/// own name for it and its raw event.
public enum PlatformNotice: Sendable {
    case memberJoined(MemberChange)
    case memberLeft(MemberChange)
    case messageRecalled(Recall)
    case memberMuted(Mute)
    case other(kind: String, chat: Chat?, raw: (any Sendable)?)

    /// A user joining or leaving a group.
    public struct MemberChange: Hashable, Sendable {
        public var chat: Chat
        public var user: ID
        /// Who invited, approved or removed the user, when known.
        public var operatorID: ID?
        /// For departures: whether the user was removed rather than leaving.
        public var wasRemoved: Bool

        public init(chat: Chat, user: ID, operatorID: ID? = nil, wasRemoved: Bool = false) {
            self.chat = chat
            self.user = user
            self.operatorID = operatorID
            self.wasRemoved = wasRemoved
        }
    }

    /// A message taken back by its author or an admin.
    public struct Recall: Hashable, Sendable {
        public var chat: Chat
        public var messageID: ID
        /// The author of the recalled message.
        public var sender: ID
        /// Who recalled it (the author or an admin).
        public var operatorID: ID
        public var date: Date

        public init(chat: Chat, messageID: ID, sender: ID, operatorID: ID, date: Date) {
            self.chat = chat
            self.messageID = messageID
            self.sender = sender
            self.operatorID = operatorID
            self.date = date
        }
    }

    /// A member muted (or unmuted, with a zero duration).
    public struct Mute: Hashable, Sendable {
        public var chat: Chat
        public var user: ID
        public var operatorID: ID?
        public var duration: Duration

        public init(chat: Chat, user: ID, operatorID: ID?, duration: Duration) {
            self.chat = chat
            self.user = user
            self.operatorID = operatorID
            self.duration = duration
        }
    }

    /// The chat the notice happened in, when it has one.
    public var chat: Chat? {
        switch self {
        case .memberJoined(let change), .memberLeft(let change): change.chat
        case .messageRecalled(let recall): recall.chat
        case .memberMuted(let mute): mute.chat
        case .other(_, let chat, _): chat
        }
    }
}
