/// What members (or one restricted member) may do in a group. `nil` leaves a permission unsaid.
///
/// ```swift
/// RestrictChatMember(chatID: group, userID: user, permissions: .readOnly, untilDate: …)
/// ```
public struct ChatPermissions: Codable, Hashable, Sendable {
    public var canSendMessages: Bool?
    public var canSendAudios: Bool?
    public var canSendDocuments: Bool?
    public var canSendPhotos: Bool?
    public var canSendVideos: Bool?
    public var canSendVideoNotes: Bool?
    public var canSendVoiceNotes: Bool?
    public var canSendPolls: Bool?
    public var canSendOtherMessages: Bool?
    public var canAddWebPagePreviews: Bool?
    public var canChangeInfo: Bool?
    public var canInviteUsers: Bool?
    public var canPinMessages: Bool?
    public var canManageTopics: Bool?

    public init() {}

    /// Every permission set to `allowed`.
    public init(all allowed: Bool) {
        canSendMessages = allowed
        canSendAudios = allowed
        canSendDocuments = allowed
        canSendPhotos = allowed
        canSendVideos = allowed
        canSendVideoNotes = allowed
        canSendVoiceNotes = allowed
        canSendPolls = allowed
        canSendOtherMessages = allowed
        canAddWebPagePreviews = allowed
        canChangeInfo = allowed
        canInviteUsers = allowed
        canPinMessages = allowed
        canManageTopics = allowed
    }

    /// Nothing allowed: a mute.
    public static let readOnly = ChatPermissions(all: false)
    /// Everything allowed: lifts a mute (the group's own defaults still apply).
    public static let everything = ChatPermissions(all: true)

    enum CodingKeys: String, CodingKey {
        case canSendMessages = "can_send_messages"
        case canSendAudios = "can_send_audios"
        case canSendDocuments = "can_send_documents"
        case canSendPhotos = "can_send_photos"
        case canSendVideos = "can_send_videos"
        case canSendVideoNotes = "can_send_video_notes"
        case canSendVoiceNotes = "can_send_voice_notes"
        case canSendPolls = "can_send_polls"
        case canSendOtherMessages = "can_send_other_messages"
        case canAddWebPagePreviews = "can_add_web_page_previews"
        case canChangeInfo = "can_change_info"
        case canInviteUsers = "can_invite_users"
        case canPinMessages = "can_pin_messages"
        case canManageTopics = "can_manage_topics"
    }
}
