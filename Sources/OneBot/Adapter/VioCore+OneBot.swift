import Foundation
import VioCore

extension Message {
    /// The OneBot message for a VioCore message: mentions become `at`, pictures `image`, voice
    /// `record`, a quote a leading `reply`. Forward parts are sent separately and left out here.
    public init(_ outgoing: OutgoingMessage) {
        self.init()
        if let quote = outgoing.replyTo { append(.reply(to: quote)) }
        for part in outgoing.parts {
            switch part {
            case .text(let text): append(.text(text))
            case .mention(let user): append(.at(user))
            case .image(.url(let url)): append(.image(url: url))
            case .image(.data(let data, _)): append(.image(data: data))
            case .voice(.url(let url)): append(.record(url: url))
            case .voice(.data(let data, _)): append(.record(data: data))
            case .reply, .forward: break
            }
        }
    }
}

extension Segment {
    /// The platform-neutral part for this segment.
    public var messagePart: MessagePart {
        switch self {
        case .text(let text): .text(text)
        case .at(let at):
            switch at.target {
            case .user(let user)?: .mention(user)
            case .all?: .mentionAll
            case nil: .other(type: "at")
            }
        case .image(let image): .image(url: (image.url ?? image.file).flatMap(URL.init(string:)))
        case .reply(let reply): reply.id.map { .reply(to: $0) } ?? .other(type: "reply")
        default: .other(type: type)
        }
    }
}

extension Sender {
    /// The VioCore sender for a OneBot sender.
    init(_ sender: MessageSender, id: ID) {
        self.init(id: id, displayName: sender.displayName.isEmpty ? id.description : sender.displayName, role: sender.role.map(MemberRole.init))
    }
}

extension MemberInfo {
    /// The VioCore member for a OneBot group member.
    init(_ member: GroupMemberInfo) {
        self.init(user: member.userID, group: member.groupID, displayName: member.displayName, role: MemberRole(member.role),
                  title: member.title.flatMap { $0.isEmpty ? nil : $0 })
    }
}

extension MemberRole {
    init(_ role: MessageSender.Role?) {
        switch role {
        case .owner?: self = .owner
        case .admin?: self = .admin
        case .member?, nil: self = .member
        }
    }
}
