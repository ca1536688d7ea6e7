import VioCore

extension OneBotAdapter {
    /// The VioCore notice for a OneBot notice; what VioCore does not model is `.other("notice.<type>")`.
    func platformNotice(_ notice: NoticeEvent, event: OneBotEvent) -> PlatformNotice {
        switch notice {
        case .groupIncrease(let change):
            return .memberJoined(.init(chat: .group(change.groupID), user: change.userID, operatorID: change.operatorID))
        case .groupDecrease(let change):
            return .memberLeft(.init(chat: .group(change.groupID), user: change.userID, operatorID: change.operatorID, wasRemoved: change.wasRemoved))
        case .groupRecall(let recall):
            return .messageRecalled(.init(chat: .group(recall.groupID), messageID: recall.messageID, sender: recall.userID, operatorID: recall.operatorID, date: event.date))
        case .friendRecall(let recall):
            return .messageRecalled(.init(chat: .private(recall.userID), messageID: recall.messageID, sender: recall.userID, operatorID: recall.userID, date: event.date))
        case .groupBan(let ban):
            return .memberMuted(.init(chat: .group(ban.groupID), user: ban.userID, operatorID: ban.operatorID, duration: ban.duration))
        case .unknown(let type, _):
            return .other(kind: "notice.\(type)", chat: nil, raw: event)
        default:
            return .other(kind: "notice.\(notice.typeName)", chat: notice.groupID.map { .group($0) }, raw: event)
        }
    }

    /// Requests become `.other("request.friend")` / `.other("request.group")` with the event as raw.
    func platformNotice(_ request: RequestEvent, event: OneBotEvent) -> PlatformNotice {
        switch request {
        case .friend(let friend): .other(kind: "request.friend", chat: .private(friend.userID), raw: event)
        case .group(let group): .other(kind: "request.group", chat: .group(group.groupID), raw: event)
        case .unknown(let type): .other(kind: "request.\(type)", chat: nil, raw: event)
        }
    }
}

extension NoticeEvent {
    /// The OneBot `notice_type` (`notify` notices by their sub-type, such as `poke`).
    public var typeName: String {
        switch self {
        case .groupUpload: "group_upload"
        case .groupAdmin: "group_admin"
        case .groupDecrease: "group_decrease"
        case .groupIncrease: "group_increase"
        case .groupBan: "group_ban"
        case .friendAdd: "friend_add"
        case .groupRecall: "group_recall"
        case .friendRecall: "friend_recall"
        case .poke: "poke"
        case .luckyKing: "lucky_king"
        case .honor: "honor"
        case .title: "title"
        case .profileLike: "profile_like"
        case .groupCard: "group_card"
        case .offlineFile: "offline_file"
        case .clientStatus: "client_status"
        case .essence: "essence"
        case .groupMessageEmojiLike: "group_msg_emoji_like"
        case .unknown(let type, let subType): subType.map { "\(type).\($0)" } ?? type
        }
    }
}
