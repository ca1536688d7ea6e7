import Foundation
import VioCore

extension OneBotAdapter {
    /// Sends with `send_msg`; a forward part goes out as `send_group_forward_msg` or
    /// `send_private_forward_msg`. Returns the id of the last message sent.
    @discardableResult
    public func send(_ message: OutgoingMessage, to chat: Chat) async throws -> ID? {
        var sentID: ID?
        let body = Message(message)
        if !body.isEmpty {
            let target: MessageTarget = chat.isGroup ? .group(chat.id) : .user(chat.id)
            sentID = try await client.call(SendMessage(to: target, message: body)).messageID
            rememberBotMessage(sentID)
        }
        for case .forward(let nodes) in message.parts {
            let onebotNodes = nodes.map { Segment.Node(user: $0.senderID, nickname: $0.senderName, content: Message($0.message)) }
            let sent = chat.isGroup
                ? try await client.call(SendGroupForwardMessage(group: chat.id, nodes: onebotNodes))
                : try await client.call(SendPrivateForwardMessage(user: chat.id, nodes: onebotNodes))
            sentID = sent.messageID ?? sentID
            rememberBotMessage(sent.messageID)
        }
        return sentID
    }

    public func mute(user: ID, in group: ID, for duration: Duration) async throws {
        _ = try await client.call(SetGroupBan(group: group, user: user, duration: duration))
    }

    public func kick(user: ID, from group: ID) async throws {
        _ = try await client.call(SetGroupKick(group: group, user: user))
    }

    public func recall(message: ID, in chat: Chat) async throws {
        _ = try await client.call(DeleteMessage(message))
    }

    public func fetchMessage(id: ID, in chat: Chat) async throws -> InboundMessage {
        let details = try await client.call(GetMessage(id))
        let sender = details.sender.map { Sender($0, id: details.userID ?? $0.userID ?? 0) } ?? Sender(id: details.userID ?? 0, displayName: "")
        let date = details.time.map { Date(timeIntervalSince1970: TimeInterval($0)) } ?? Date()
        return inboundMessage(details.message, chat: chat, sender: sender, messageID: details.messageID ?? id, date: date, raw: details)
    }

    public func memberInfo(user: ID, in group: ID) async throws -> MemberInfo {
        MemberInfo(try await client.call(GetGroupMemberInfo(group: group, user: user)))
    }

    /// The owner and admins, from `get_group_member_list` (the whole list: megabytes in big groups).
    public func administrators(in group: ID) async throws -> [MemberInfo] {
        try await client.call(GetGroupMemberList(group: group)).map(MemberInfo.init).filter { $0.role >= .admin }
    }

    public func call(_ action: String, params: JSONValue) async throws -> JSONValue {
        try await client.call(action, params: params)
    }
}
