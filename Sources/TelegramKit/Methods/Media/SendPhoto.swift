/// `sendPhoto`: sends a picture.
///
/// ```swift
/// try await client.call(SendPhoto(chatID: chat, photo: .url(catURL), caption: "a cat"))
/// try await client.call(SendPhoto(chatID: chat, photo: .upload(jpeg, filename: "cat.jpg")))
/// ```
public struct SendPhoto: SendFileMethod {
    public static let name = "sendPhoto"
    public static let fileParameter = "photo"

    public var chatID: ChatTarget
    public var photo: InputFile
    public var caption: Caption?
    public var attributes = MediaAttributes()
    public var options: MessageOptions

    public init(chatID: ChatTarget, photo: InputFile, caption: Caption? = nil, hasSpoiler: Bool? = nil, options: MessageOptions = MessageOptions()) {
        self.chatID = chatID
        self.photo = photo
        self.caption = caption
        self.options = options
        attributes.hasSpoiler = hasSpoiler
    }

    public var file: InputFile { photo }
}
