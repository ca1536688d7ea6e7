import VioCore

/// Something that happened that is not a message (`post_type` `notice`).
///
/// go-cqhttp and NapCat extensions are included; a `notice_type` or `notify` sub-type this library
/// does not model is `.unknown`, with the whole frame in ``OneBotEvent/raw``.
public enum NoticeEvent: Hashable, Sendable {
    case groupUpload(GroupUploadNotice)
    case groupAdmin(GroupAdminNotice)
    /// A member left or was removed (`sub_type` `leave`, `kick`, `kick_me`).
    case groupDecrease(GroupMemberNotice)
    /// A member joined (`sub_type` `approve`, `invite`).
    case groupIncrease(GroupMemberNotice)
    case groupBan(GroupBanNotice)
    case friendAdd(FriendAddNotice)
    case groupRecall(GroupRecallNotice)
    case friendRecall(FriendRecallNotice)
    /// A poke (`notify`/`poke`), in a group or a private chat.
    case poke(TargetedNotice)
    /// A red-envelope luck king (`notify`/`lucky_king`).
    case luckyKing(TargetedNotice)
    case honor(HonorNotice)
    /// A member got a special title (`notify`/`title`, NapCat).
    case title(TitleNotice)
    /// Someone liked the bot's profile (`notify`/`profile_like`, NapCat).
    case profileLike(ProfileLikeNotice)
    case groupCard(GroupCardNotice)
    case offlineFile(OfflineFileNotice)
    case clientStatus(ClientStatusNotice)
    case essence(EssenceNotice)
    case groupMessageEmojiLike(EmojiLikeNotice)
    case unknown(noticeType: String, subType: String?)

    init(_ fields: FrameFields) throws {
        let type = try fields.required(fields.noticeType, "notice_type")
        switch type {
        case "group_upload": self = .groupUpload(try GroupUploadNotice(fields))
        case "group_admin": self = .groupAdmin(try GroupAdminNotice(fields))
        case "group_decrease": self = .groupDecrease(try GroupMemberNotice(fields))
        case "group_increase": self = .groupIncrease(try GroupMemberNotice(fields))
        case "group_ban": self = .groupBan(try GroupBanNotice(fields))
        case "friend_add": self = .friendAdd(try FriendAddNotice(fields))
        case "group_recall": self = .groupRecall(try GroupRecallNotice(fields))
        case "friend_recall": self = .friendRecall(try FriendRecallNotice(fields))
        case "notify": self = try Self.notify(fields)
        case "group_card": self = .groupCard(try GroupCardNotice(fields))
        case "offline_file": self = .offlineFile(try OfflineFileNotice(fields))
        case "client_status": self = .clientStatus(ClientStatusNotice(fields))
        case "essence": self = .essence(try EssenceNotice(fields))
        case "group_msg_emoji_like": self = .groupMessageEmojiLike(try EmojiLikeNotice(fields))
        default: self = .unknown(noticeType: type, subType: fields.subType)
        }
    }

    private static func notify(_ fields: FrameFields) throws -> NoticeEvent {
        switch fields.subType {
        case "poke": .poke(try TargetedNotice(fields))
        case "lucky_king": .luckyKing(try TargetedNotice(fields))
        case "honor": .honor(try HonorNotice(fields))
        case "title": .title(try TitleNotice(fields))
        case "profile_like": .profileLike(ProfileLikeNotice(fields))
        default: .unknown(noticeType: "notify", subType: fields.subType)
        }
    }

    /// The group the notice happened in, if any.
    public var groupID: ID? {
        switch self {
        case .groupUpload(let notice): notice.groupID
        case .groupAdmin(let notice): notice.groupID
        case .groupDecrease(let notice), .groupIncrease(let notice): notice.groupID
        case .groupBan(let notice): notice.groupID
        case .groupRecall(let notice): notice.groupID
        case .poke(let notice), .luckyKing(let notice): notice.groupID
        case .honor(let notice): notice.groupID
        case .title(let notice): notice.groupID
        case .groupCard(let notice): notice.groupID
        case .essence(let notice): notice.groupID
        case .groupMessageEmojiLike(let notice): notice.groupID
        case .friendAdd, .friendRecall, .profileLike, .offlineFile, .clientStatus, .unknown: nil
        }
    }
}
