import Foundation

/// One piece of a received message, in the terms every platform shares.
///
/// Platform modules keep their full segment or entity types; these parts are what a
/// platform-independent feature needs to read.
public enum MessagePart: Hashable, Sendable {
    case text(String)
    /// A mention of one user (QQ `at`, Telegram `mention`/`text_mention`).
    case mention(ID)
    /// A mention of everyone (QQ `at` with `qq=all`).
    case mentionAll
    /// A picture: its URL when the platform gives one (QQ), or the platform's id of the file
    /// (Telegram's `file_id` of the largest size), which ``ChatActions/downloadFile(id:maxBytes:)``
    /// fetches without the link (a Telegram file link holds the bot token) leaving the adapter.
    case image(url: URL?, fileID: String? = nil)
    /// A quote of an earlier message.
    case reply(to: ID)
    /// Anything else (faces, files, stickers…), named by the platform's own type.
    case other(type: String)
}
