/// What the bot shows it is doing ("typing…") for about five seconds or until it sends.
public enum ChatAction: String, Encodable, Hashable, Sendable {
    case typing
    case uploadPhoto = "upload_photo"
    case recordVideo = "record_video"
    case uploadVideo = "upload_video"
    case recordVoice = "record_voice"
    case uploadVoice = "upload_voice"
    case uploadDocument = "upload_document"
    case chooseSticker = "choose_sticker"
    case findLocation = "find_location"
    case recordVideoNote = "record_video_note"
    case uploadVideoNote = "upload_video_note"
}
